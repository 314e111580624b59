"""The child file: the children list and search, a child's details (changed by new versions), the chronology and
pupils imported from the school's MIS."""
