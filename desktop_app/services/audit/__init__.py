"""The annual audit of the setting's duties: the year's answers, sign-off, carry-forward, comparison, the training
register that feeds it, and the governors' report."""
