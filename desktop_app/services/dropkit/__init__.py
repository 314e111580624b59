"""Recording concerns on other computers with a drop kit, and importing what they sealed from a folder."""
