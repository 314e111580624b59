"""A fictional child, concern, screening and referral for document tests. Every name here is invented."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop_app.domain.documents import (
    Chronology,
    ChronologyEvent,
    ContactLine,
    DocumentMeta,
    QuickReference,
    ReferralSummary,
)
from desktop_app.domain.enums import AnswerStatus, Basis, ChildRole, RiskLevel, RouteId, When
from desktop_app.domain.records import (
    Actor,
    Addendum,
    AdultOfConcern,
    AnsweredItem,
    Child,
    ChildDetails,
    Concern,
    ConcernDraft,
    Decision,
    OtherChild,
    Place,
    ReferralEntry,
    ReferralRequest,
    ScreeningRecord,
    Setting,
)

SETTING = Setting(
    name="Hillside Academy",
    address="1 School Lane, Sheffield S1 2AB",
    phone="0114 496 0000",
    dsl_name="Mrs Ruth Okonkwo",
    dsl_phone="0114 496 0001",
    dsl_email="dsl@hillside.example",
)
DSL = Actor(name="Mrs Ruth Okonkwo", role="Designated Safeguarding Lead", user_id="u1")
META = DocumentMeta("Hillside Academy", "REF-2026-00042-01", 57, datetime(2026, 11, 28, 18, 30, tzinfo=UTC))

CHILD = Child(
    child_id=17,
    details=ChildDetails(
        first_name="Zoë",
        last_name="Wiśniewska-Nguyễn",
        known_as="Zo",
        date_of_birth=date(2012, 3, 14),
        year_group="Year 9",
        gender="Female",
        address="14 Birch Grove, Sheffield S2 9ZZ",
        parental_responsibility="Mother, Anna Wiśniewska",
        other_agencies="CAMHS (Dr Patel)",
        social_worker="",
    ),
    created_at=datetime(2026, 9, 3, 9, 0, tzinfo=UTC),
)

DRAFT = ConcernDraft(
    immediate_danger=False,
    happened_at=datetime(2026, 11, 20, 15, 40, tzinfo=UTC),
    location="Bus stop outside the school gates",
    account="Zoë was seen getting into a silver car driven by an older male. She had a new phone and <b>cash</b>.",
    childs_words="He said I owe him & I have to do one more run to Doncaster.",
    others_present="Ahmed Al-Sayed (Year 9)",
    action_taken="Spoke to Zoë the next morning; told the DSL at 08:30.",
    category_ids=("criminal_exploitation",),
    other_children=(OtherChild(name="Ahmed Al-Sayed", role=ChildRole.WITNESS, details="Saw the car"),),
    adults=(AdultOfConcern(name_or_nickname="'Big T'", description="Man in his twenties", vehicle="Silver hatchback"),),
    places=(Place(name="Castle Market car park", details="Evenings"),),
    about_adult_working_with_children=False,
    group_or_community=False,
    recorder_name="Mr Tom Reyes",
    recorder_role="Form tutor",
    recorded_at=datetime(2026, 11, 20, 16, 10, tzinfo=UTC),
    declaration=True,
)
CONCERN = Concern(
    concern_id=42,
    reference="WM-2026-00042",
    child_id=17,
    draft=DRAFT,
    submitted_at=datetime(2026, 11, 20, 16, 12, tzinfo=UTC),
    sealed=True,
    status="referred",
)

ANSWERS = (
    AnsweredItem(
        item_id="v_missing",
        section_id="vulnerabilities",
        section_title="Vulnerabilities",
        text="Has experienced recent bereavement or loss",
        status=AnswerStatus.YES,
        when=When.EARLIER,
        basis=Basis.REPORTED,
        note="Grandfather died in June.",
    ),
    AnsweredItem(
        item_id="w_money",
        section_id="warning_signs",
        section_title="Warning signs",
        text="Money, clothes or phones without a plausible explanation",
        status=AnswerStatus.YES,
        when=When.CURRENT,
        basis=Basis.OBSERVED,
        note="New phone seen in form time.",
        significant=True,
    ),
    AnsweredItem(
        item_id="w_absent",
        section_id="warning_signs",
        section_title="Warning signs",
        text="Unexplained absences",
        status=AnswerStatus.NO,
    ),
    AnsweredItem(
        item_id="p_family",
        section_id="protective",
        section_title="Protective factors",
        text="Parental warmth, support and a good safety network",
        status=AnswerStatus.YES,
        basis=Basis.OBSERVED,
        note="Mother engaged and worried.",
    ),
)

DECISION = Decision(
    suggested_level=RiskLevel.MEDIUM,
    suggested_reasons=("A current significant warning sign makes the level at least medium.",),
    confirmed_level=RiskLevel.HIGH,
    override_reason="Disclosure of debt bondage to an adult: raised to high.",
    childs_wishes="Zoë wants to stay at Hillside and does not want her mother to be in trouble.",
    parents_views="Mother is worried and wants help.",
    parents_told=True,
    parents_not_told_reason="",
    danger_statement="We are worried Zoë is being made to carry drugs to pay a debt.",
    safety_goal="Zoë is safe from 'Big T' and attends school every day.",
    routes=(RouteId.SAFEGUARDING_HUB, RouteId.POLICE_101),
    review_date=date(2026, 12, 4),
    actions="Daily check-in with the pastoral lead; safety plan shared with mother.",
)
SCREENING = ScreeningRecord(
    screening_id=5,
    concern_id=42,
    child_id=17,
    definition_id="sheffield-exploitation-screening",
    definition_version="2",
    definition_hash="ab" * 32,
    answers=ANSWERS,
    decision=DECISION,
    completed_by=DSL,
    completed_at=datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
)
REFERRAL = ReferralEntry(
    referral_id=3,
    concern_id=42,
    route=RouteId.SAFEGUARDING_HUB,
    contacted_name="Priya Shah, duty social worker",
    contacted_at=datetime(2026, 11, 21, 11, 15, tzinfo=UTC),
    reference="SSH-884213",
    outcome="Strategy discussion booked",
    confirmation_due=date(2026, 11, 23),
    confirmation_sent=None,
    recorded_by=DSL,
    recorded_at=datetime(2026, 11, 21, 11, 30, tzinfo=UTC),
    request=ReferralRequest(
        asks=("assessment", "strategy_discussion", "amber_project"),
        asks_other="A joint visit with the school nurse.",
        consent="given",
        parents_told=True,
    ),
)
ADDENDUM = Addendum(
    addendum_id=1,
    object_kind="concern",
    object_id=42,
    author=DSL,
    written_at=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
    reason="Time corrected by the recorder",
    change="The car was seen at 15:40, not 15:10.",
)

SUMMARY = ReferralSummary(
    setting=SETTING,
    child=CHILD,
    concern=CONCERN,
    screening=SCREENING,
    referrals=(REFERRAL,),
    addenda=(ADDENDUM,),
    protective_section_ids=frozenset({"protective"}),
    route_titles=(("safeguarding_hub", "Sheffield Safeguarding Hub"), ("police_101", "South Yorkshire Police (101)")),
    category_titles=(("criminal_exploitation", "Criminal exploitation"),),
    prepared_by=DSL,
    status="Referred",
    screening_title="Child exploitation screening tool",
    today=date(2026, 11, 28),
    request_words=(
        ("assessment", "an assessment of the child's needs and risks by children's social care"),
        ("strategy_discussion", "a strategy discussion with the police and children's social care"),
        ("amber_project", "consideration for the Amber Project (the specialist exploitation service)"),
        ("nrm_referral", "consideration of a National Referral Mechanism (NRM) referral"),
    ),
    consent_words=(
        ("given", "Sought and given", ""),
        ("refused", "Sought and refused", "What the family said"),
        ("not_sought", "Not sought", "Why consent was not sought"),
    ),
    suggested_asks=("an assessment of the child's needs and risks by children's social care",),
)

CHRONOLOGY = Chronology(
    setting=SETTING,
    child=CHILD,
    events=(
        ChronologyEvent(
            when=datetime(2026, 11, 20, 15, 40, tzinfo=UTC),
            kind="Concern",
            summary="Seen getting into a silver car with an older male.",
            action="Told the DSL.",
            reference="WM-2026-00042",
            recorded_by="Mr Tom Reyes",
        ),
        ChronologyEvent(
            when=datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
            kind="Screening",
            summary="Screened: suggested medium, confirmed high.",
            action="Safety plan agreed.",
            outcome="Review on 4 December 2026",
            reference="WM-2026-00042",
            recorded_by="Mrs Ruth Okonkwo",
        ),
        ChronologyEvent(
            when=datetime(2026, 11, 21, 11, 15, tzinfo=UTC),
            kind="Referral",
            summary="Sheffield Safeguarding Hub: Priya Shah.",
            outcome="Strategy discussion booked",
            reference="SSH-884213",
            recorded_by="Mrs Ruth Okonkwo",
        ),
    ),
)

QUICK = QuickReference(
    setting=SETTING,
    steps=(
        "If someone is in immediate danger, ring 999 now.",
        "Tell the Designated Safeguarding Lead or a deputy straight away.",
    ),
    contacts=(
        ContactLine("Emergency services (999)", "999", "Someone is in immediate danger."),
        ContactLine("Sheffield Safeguarding Hub", "0114 2734855", "No allocated social worker; medium or high risk."),
    ),
    people=(
        ContactLine("Mrs Ruth Okonkwo", "0114 496 0001", "Designated Safeguarding Lead"),
        ContactLine("Mr Sam Hale", "", "Child Exploitation Lead, Head of Year 9"),
    ),
)
