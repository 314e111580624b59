"""Benchmarks of DESIGN §9 at the scale of a large secondary school; apart from the tests (see README.md)."""
