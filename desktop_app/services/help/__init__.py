"""Help inside the app: the guidance sheet and how the screening suggestion is worked out, read from forms/."""
