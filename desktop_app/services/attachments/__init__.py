"""Files kept with a concern inside the vault (``files``) and the concern's body map (``body_map``)."""
