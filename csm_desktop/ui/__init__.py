"""Qt widgets, models and windows of the desktop app."""
