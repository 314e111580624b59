"""A concern's kept files (list, add, view in memory, withdraw, save a copy) and its body map."""
