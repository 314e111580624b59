"""NHS numbers and unique pupil numbers (UPN): written the usual way, checked by their check character.

Each ``*_problem`` returns one sentence for a DSL, or None when the value is acceptable (an empty value is: every
detail of the child file is optional). ``normal_*`` gives the form to store.
"""

from __future__ import annotations

import re

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # the DfE's 23 check letters (no I, O or S)


def normal_nhs_number(text: str) -> str:
    """``"943 476 5919"``, ``"9434765919"`` and ``"943-476-5919"`` → ``"943 476 5919"`` (as printed on NHS letters)."""
    digits = re.sub(r"[\s-]", "", text)
    if len(digits) == 10 and digits.isascii() and digits.isdigit():
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return text.strip()


def nhs_number_problem(text: str) -> str | None:
    digits = re.sub(r"[\s-]", "", text)
    if not digits:
        return None
    if not (digits.isascii() and digits.isdigit()) or len(digits) != 10:
        return "An NHS number is ten digits, such as 943 476 5919."
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    if check == 10 or check != int(digits[9]):
        return "This is not a valid NHS number: check each digit against the child's NHS letter or red book."
    return None


def normal_upn(text: str) -> str:
    return re.sub(r"\s", "", text).upper()


def upn_problem(text: str) -> str | None:
    """A UPN is a check letter, the LA number (3 digits), the school's number (4), the year (2) and a serial (3);
    a temporary UPN ends in a letter instead of its last digit."""
    upn = normal_upn(text)
    if not upn:
        return None
    if not re.fullmatch(r"[A-Z]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]", upn):
        return (
            "A unique pupil number (UPN) is a letter followed by 12 characters, such as A123456789012; "
            "copy it from the school's records."
        )
    if upn[0] != upn_check_letter(upn[1:]):
        return "This is not a valid unique pupil number (UPN): its first letter does not match the rest."
    return None


def upn_check_letter(last_twelve: str) -> str:
    """The check letter of a UPN's characters 2–13 (weights 2–13; a letter counts as its place in the list)."""
    total = 0
    for weight, char in enumerate(last_twelve, start=2):
        value = int(char) if char.isdigit() else UPN_LETTERS.index(char) if char in UPN_LETTERS else 0
        total += value * weight
    return UPN_LETTERS[total % 23]
