"""Screens of the child file's Connections and Missing episodes sections, and sharing with the specialist service."""
