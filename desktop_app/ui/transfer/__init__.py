"""Screens for records that move and records that end: transfers, receipts, retention, drop kits."""
