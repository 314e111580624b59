"""Use cases: each takes a unit of work (or a vault session), does its work in one transaction, returns plain values."""
