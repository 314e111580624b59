"""The fixed vocabularies of the field. Values are stable: they are stored and appear in JSON."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    DSL = "dsl"
    DEPUTY_DSL = "deputy_dsl"

    @property
    def label(self) -> str:
        return {"dsl": "Designated Safeguarding Lead", "deputy_dsl": "Deputy Designated Safeguarding Lead"}[self.value]


class RiskLevel(enum.StrEnum):
    """Ordered from least to most concern; compare with ``rank``."""

    NO_APPARENT_RISK = "no_apparent_risk"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(RiskLevel).index(self)

    @property
    def label(self) -> str:
        return {
            "no_apparent_risk": "No apparent risk",
            "low": "Low risk",
            "medium": "Medium risk",
            "high": "High risk",
        }[self.value]

    @staticmethod
    def highest(*levels: RiskLevel) -> RiskLevel:
        return max(levels, key=lambda level: level.rank)


class RouteId(enum.StrEnum):
    """Referral routes, in no particular order; the engine orders them for action."""

    EMERGENCY_999 = "emergency_999"
    SOCIAL_WORKER = "social_worker"
    SAFEGUARDING_HUB = "safeguarding_hub"
    POLICE_101 = "police_101"
    LADO = "lado"
    NRM = "nrm"
    EARLY_HELP = "early_help"
    MONITOR = "monitor"


class AnswerStatus(enum.StrEnum):
    YES = "yes"
    NO = "no"
    NOT_KNOWN = "not_known"


class When(enum.StrEnum):
    """Whether a 'yes' is current (in the last three months) or earlier."""

    CURRENT = "current"
    EARLIER = "earlier"


class Basis(enum.StrEnum):
    OBSERVED = "observed"
    DISCLOSED = "disclosed"
    REPORTED = "reported"
    PROFESSIONAL_CONCERN = "professional_concern"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ChildRole(enum.StrEnum):
    """The role of another child named in a concern. Never copied from one child to another."""

    POSSIBLE_VICTIM = "possible_victim"
    POSSIBLE_PERPETRATOR = "possible_perpetrator"
    WITNESS = "witness"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ConcernStatus(enum.StrEnum):
    """Where a concern is; it moves by status events, never by editing the concern."""

    AWAITING_SCREENING = "awaiting_screening"
    SCREENED = "screened"
    REFERRED = "referred"
    CLOSED = "closed"


class AddendumTarget(enum.StrEnum):
    """The kinds of record an addendum corrects or adds to (the record itself is never changed)."""

    CONCERN = "concern"
    SCREENING = "screening"
    REFERRAL = "referral"
    CHILD = "child"
    CHILD_LINK = "child_link"
    ADULT = "adult"
    PLACE = "place"
    MISSING_EPISODE = "missing_episode"
    AUDIT = "audit"
