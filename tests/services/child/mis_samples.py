"""Fictional pupil exports in the shapes SIMS, Arbor and Bromcom produce (headings, date formats, encodings)."""

from __future__ import annotations

from desktop_app.domain.identifiers import upn_check_letter


def upn(serial: str) -> str:
    return upn_check_letter(serial) + serial


UPN_TAMSIN = upn("801200100010")
UPN_ORRIN = upn("801200100011")
UPN_ZOFIA = upn("801200100012")
UPN_AMELIE = upn("801200100013")


def sims_csv(*, orrin_year: str = "9", zofia_phone: str = "07700 900123") -> bytes:
    """SIMS student list: legal names, DOB day-first, contacts by priority; UTF-8 with Excel's byte-order mark."""
    lines = [
        "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Gender,Address Line 1,Town,Postcode,"
        "Priority 1 Contact Name,Priority 1 Contact Relationship,Priority 1 Contact Telephone,"
        "Priority 1 Contact Parental Responsibility",
        f"{UPN_TAMSIN},Quillfeather,Tamsin,Tam,14/03/2011,9,F,1 Example Row,Exampleton,EX1 1AA,"
        "Rhiannon Quillfeather,Mother,0114 496 0000,Yes",
        f"{UPN_ORRIN},Blackwood,Orrin,Orrin,02/11/2010,{orrin_year},M,2 Example Row,Exampleton,EX1 1AB,"
        "Dev Blackwood,Father,0114 496 0001,Yes",
        f'{UPN_ZOFIA},Wiśniewska,Zofia,,"05/07/2012",8,F,"Flat 3, 4 Example Row",Exampleton,EX1 1AC,'
        f"Agata Wiśniewska,Mother,{zofia_phone},Y",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def arbor_csv() -> bytes:
    """Arbor: First Name / Last Name, ISO dates, "Year 9", semicolons as some exports use."""
    lines = [
        "UPN;First Name;Last Name;Preferred Name;Date of Birth;Year Group;Primary Contact Name;Primary Contact Email",
        f"{UPN_AMELIE};Amélie;Durand;;2011-09-30;Year 9;Claire Durand;claire.durand@example.org",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def bromcom_csv() -> bytes:
    """Bromcom: Windows-1252 text (é as one byte), dates as 30-Sep-2011, a pupil with a mistyped UPN and one with
    no UPN, and a date of birth in the future."""
    lines = [
        "Student UPN,Legal Last Name,Legal First Name,Birth Date,NC Year",
        f"{UPN_AMELIE},Durand,Amélie,30-Sep-2011,Y9",
        f"{UPN_AMELIE[:-1]}9,Okafor,Chidi,01-Jan-2012,Y8",
        ",Nobody,Noel,01-Jan-2012,Y8",
        f"{upn('801200100019')},Future,Fern,01-Jan-2099,Y7",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")
