"""Retention of child protection files: dates, holds, the review list and destruction."""
