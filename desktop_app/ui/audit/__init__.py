"""The Audit area: the year's audit of the setting's duties, sign-off, comparison, training register, CE Lead."""

from desktop_app.ui.audit.page import AuditPage

__all__ = ["AuditPage"]
