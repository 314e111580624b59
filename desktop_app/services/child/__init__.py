"""The child file: one module per use case (details, chronology, connections, missing episodes, sharing)."""
