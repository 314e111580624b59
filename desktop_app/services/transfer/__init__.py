"""Transfer of a child's file to a new setting and from an old one: packages, the transfer log, receipts."""
