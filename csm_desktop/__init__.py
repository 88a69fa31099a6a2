"""CSM Desktop: an offline-first workspace for Customer Success Managers."""

__version__ = "0.1.0"
APP_NAME = "CSM Desktop"
APP_ID = "csm-desktop"
