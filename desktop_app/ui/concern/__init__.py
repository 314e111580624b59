"""Recording a concern: the staff and DSL wizard, and the DSL's import of sealed concerns."""

from desktop_app.ui.concern.import_dialog import SealedImportDialog
from desktop_app.ui.concern.launch import open_dsl_wizard, open_staff_wizard
from desktop_app.ui.concern.wizard import ConcernWizard

__all__ = ["ConcernWizard", "SealedImportDialog", "open_dsl_wizard", "open_staff_wizard"]
