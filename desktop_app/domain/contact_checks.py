"""Telephone numbers and email addresses as people write them: checked and tidied, never looked up.

Numbers are read as UK numbers (region GB) unless they start with +. A number is accepted when it has the right
shape for its range (phonenumbers' "possible"), not only when the range is allocated today, so Ofcom's drama
numbers (07700 900123, 0114 496 0000) and ranges allocated after the library's release still pass. Emergency and
service short codes (999, 101, 111, 116 123) are accepted as they are. Email addresses are checked for their form
only: no DNS or network look-up (Waymark never touches the network).
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult, shortnumberinfo

REGION = "GB"
EXAMPLE_PHONE = "0114 273 4855"

# What people write around a number that is not part of it: spaces, brackets, dashes, dots, slashes.
_DECORATION = re.compile(r"[\s()\-./]+")
# "ext", "ext.", "extension", "x" before an extension; anything else alphabetic is a mistake.
_EXTENSION_WORD = re.compile(r"(?i)\b(?:ext(?:ension)?\.?|x)\s*(?=\d)")


def _parse(text: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, REGION)
    except NumberParseException:
        return None


def _is_short_code(number: phonenumbers.PhoneNumber) -> bool:
    return number.country_code == 44 and bool(shortnumberinfo.is_valid_short_number(number))


def _dialable(number: phonenumbers.PhoneNumber) -> int:
    """phonenumbers' length check, plus: no UK number continues with a 0 after its leading 0 (00000 000000)."""
    reason: int = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return ValidationResult.TOO_SHORT
    if reason == ValidationResult.IS_POSSIBLE and number.country_code == 44:
        # A length the library allows but no UK range has (020 100 0000) formats without its 0: not a UK number.
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        if phonenumbers.national_significant_number(number).startswith("0") or not national.startswith("0"):
            return ValidationResult.INVALID_LENGTH
    return reason


def _has_trunk_or_country(text: str) -> bool:
    """A UK number is written from its 0 (0114 …) or with its country code (+44 114 …)."""
    return text.lstrip("( ").startswith(("0", "+"))


def _group_short_code(digits: str) -> str:
    # 116 123 (Samaritans) and 116 000 are written in two groups; 999, 101, 111 as they are.
    return f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits


def format_phone(text: str) -> str:
    """The number as people write it ("0114 273 4855", "07700 900123", "999"); unreadable text comes back trimmed.

    Never raises: a value that cannot be read as a number is returned as it was typed (trimmed), so nothing is lost.
    """
    stripped = " ".join(text.split())
    if not stripped:
        return ""
    number = _parse(stripped)
    if number is None:
        return stripped
    if _is_short_code(number):
        return _group_short_code(phonenumbers.national_significant_number(number))
    if not _has_trunk_or_country(stripped) or _dialable(number) != ValidationResult.IS_POSSIBLE:
        return stripped
    extension = number.extension
    number.extension = None
    style = PhoneNumberFormat.NATIONAL if number.country_code == 44 else PhoneNumberFormat.INTERNATIONAL
    shown = phonenumbers.format_number(number, style)
    return f"{shown} ext. {extension}" if extension else shown


def phone_problem(text: str) -> str | None:
    """One sentence saying what is wrong with a telephone number, or None when it is fine.

    An empty value is not a problem here: whether a number is required is the caller's decision.
    """
    stripped = text.strip()
    if not stripped:
        return None
    without_extension = _EXTENSION_WORD.sub("", stripped)
    if re.search(r"[^\d\s()\-./+]", without_extension):
        return (
            "That telephone number has letters or symbols in it; type only the digits, "
            f"as you would dial them, for example {EXAMPLE_PHONE}."
        )
    digits = re.sub(r"\D", "", _DECORATION.sub("", without_extension))
    if not digits:
        return f"That does not look like a telephone number; type the digits, for example {EXAMPLE_PHONE}."
    number = _parse(stripped)
    if number is None:
        return f"That does not look like a telephone number; type the digits, for example {EXAMPLE_PHONE}."
    if _is_short_code(number):
        return None
    if not _has_trunk_or_country(stripped):
        return f"That telephone number needs its area code, starting with 0, for example {EXAMPLE_PHONE}."
    reason = _dialable(number)
    if reason == ValidationResult.IS_POSSIBLE:
        return None
    if reason == ValidationResult.TOO_SHORT:
        return f"That telephone number has too few digits; a UK number usually has 11, for example {EXAMPLE_PHONE}."
    if reason == ValidationResult.TOO_LONG:
        return f"That telephone number has too many digits; a UK number usually has 11, for example {EXAMPLE_PHONE}."
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return "That telephone number starts with a country code that does not exist; check the digits after the +."
    return f"That is not a telephone number that can be dialled; check the digits, for example {EXAMPLE_PHONE}."


def email_problem(text: str) -> str | None:
    """One sentence saying what is wrong with an email address, or None when it is fine (form only, no look-up).

    An empty value is not a problem here: whether an address is required is the caller's decision.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if any(ch.isspace() for ch in stripped):
        return "That email address has a space in it; an address is one word, for example name@school.sch.uk."
    try:
        validate_email(stripped, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as error:
        detail = str(error).strip()
        if detail and not detail.endswith("."):
            detail += "."
        return f"That email address cannot be used. {detail}".strip()
    return None


def format_email(text: str) -> str:
    """The address trimmed with its domain in lower case (as email-validator normalises it); unreadable text trimmed."""
    stripped = text.strip()
    if not stripped:
        return ""
    try:
        return validate_email(stripped, check_deliverability=False, allow_smtputf8=True).normalized
    except EmailNotValidError:
        return stripped
