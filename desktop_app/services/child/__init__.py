"""The child file, one module per use case: details (changed by new versions), the children list and search, the
chronology, pupils from the school's MIS, connections, missing episodes, sharing."""
