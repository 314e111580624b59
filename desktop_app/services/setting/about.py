"""About the setting: the referrer's details printed on documents, checked with contact_checks, saved audited."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop_app.domain.contact_checks import email_problem, format_email, format_phone, phone_problem
from desktop_app.domain.records import Setting
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.vault.session import VaultSession

MAX_LINE = 200
MAX_ADDRESS = 600


@dataclass(frozen=True, slots=True)
class AboutSetting:
    """What the DSL types in Settings > About the setting (or gives `waymark init`)."""

    name: str
    address: str = ""
    phone: str = ""
    dsl_name: str = ""
    dsl_role: str = ""
    dsl_phone: str = ""
    dsl_email: str = ""

    @classmethod
    def of(cls, setting: Setting) -> AboutSetting:
        return cls(
            name=setting.name,
            address=setting.address,
            phone=setting.phone,
            dsl_name=setting.dsl_name,
            dsl_role=setting.dsl_role,
            dsl_phone=setting.dsl_phone,
            dsl_email=setting.dsl_email,
        )


# Field, what it is called in a sentence (and on the referral summary's "Call back" block).
LABELS = {
    "name": "the setting's name",
    "address": "the setting's address",
    "phone": "the setting's telephone",
    "dsl_name": "the DSL's name",
    "dsl_role": "the DSL's role",
    "dsl_phone": "the DSL's direct telephone",
    "dsl_email": "the DSL's email",
}


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def problems(form: AboutSetting) -> list[FieldProblem]:
    """Each bad value, by its field; empty when the form can be saved."""
    found: list[FieldProblem] = []
    if not form.name.strip():
        found.append(FieldProblem("name", "Type the setting's name; it heads every document."))
    for key in ("name", "dsl_name", "dsl_role", "phone", "dsl_phone", "dsl_email"):
        if len(getattr(form, key)) > MAX_LINE:
            found.append(
                FieldProblem(key, f"{_upper_first(LABELS[key])} is too long: keep it under {MAX_LINE} characters.")
            )
    if len(form.address) > MAX_ADDRESS:
        found.append(FieldProblem("address", f"The address is too long: keep it under {MAX_ADDRESS} characters."))
    for key in ("phone", "dsl_phone"):
        problem = phone_problem(getattr(form, key))
        if problem:
            found.append(FieldProblem(key, f"{_upper_first(LABELS[key])}: {_lower_first(problem)}"))
    problem = email_problem(form.dsl_email)
    if problem:
        found.append(FieldProblem("dsl_email", f"The DSL's email: {_lower_first(problem)}"))
    return found


def tidy(form: AboutSetting) -> AboutSetting:
    """Whitespace trimmed, numbers as people write them, the address's lines kept (blank lines dropped)."""
    lines = [" ".join(line.split()) for line in form.address.replace(",\n", "\n").splitlines()]
    return AboutSetting(
        name=" ".join(form.name.split()),
        address="\n".join(line for line in lines if line),
        phone=format_phone(form.phone),
        dsl_name=" ".join(form.dsl_name.split()),
        dsl_role=" ".join(form.dsl_role.split()),
        dsl_phone=format_phone(form.dsl_phone),
        dsl_email=format_email(form.dsl_email),
    )


def checked(form: AboutSetting) -> AboutSetting:
    """The tidied form, or InvalidInput naming every bad field (nothing is saved)."""
    found = problems(form)
    if found:
        raise InvalidInput(found)
    return tidy(form)


def apply(setting: Setting, form: AboutSetting) -> Setting:
    good = checked(form)
    return replace(
        setting,
        name=good.name,
        address=good.address,
        phone=good.phone,
        dsl_name=good.dsl_name,
        dsl_role=good.dsl_role,
        dsl_phone=good.dsl_phone,
        dsl_email=good.dsl_email,
    )


def save(session: VaultSession, form: AboutSetting) -> Setting:
    """Check and store the details in one transaction; ``setting.updated`` is audited by the repository."""
    with session.uow() as uow:
        current = uow.setting.get()
        updated = apply(current, form)
        if updated == current:
            return current
        saved = uow.setting.update(updated, session.actor())
        uow.commit()
    return saved


def missing(setting: Setting) -> tuple[str, ...]:
    """What a social worker would need to call the school back and is not recorded (for an export's warning)."""
    wanted = ("dsl_name", "dsl_role", "dsl_phone", "dsl_email", "address", "phone")
    return tuple(LABELS[key] for key in wanted if not str(getattr(setting, key)).strip())


def missing_sentence(setting: Setting) -> str:
    """One sentence naming what is missing, or "" when everything is recorded."""
    gaps = missing(setting)
    if not gaps:
        return ""
    listed = gaps[0] if len(gaps) == 1 else ", ".join(gaps[:-1]) + " and " + gaps[-1]
    return (
        f"The referral summary cannot show {listed}: add {'it' if len(gaps) == 1 else 'them'} in "
        "Settings, About the setting, so a social worker can call you back."
    )
