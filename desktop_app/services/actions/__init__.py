"""A concern's actions: agree one (what, who, by when), give it to someone else or move its date, complete it with
its outcome; the actions of a concern, and those due or overdue for the dashboard. One module per use case."""
