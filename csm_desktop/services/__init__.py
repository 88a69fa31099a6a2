"""Services: the Qt-free operations the UI and the CLI call."""
