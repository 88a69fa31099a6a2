"""Keys of the settings stored with the database (table ``app_setting``).

Kept free of SQLAlchemy, because the start-up read uses them before it is imported.
"""

# The date the data is viewed as of; absent means today.
REFERENCE_DATE_KEY = "reference_date"
# The page shown at start: "today", "portfolio" or "last" (the page open at the last close).
START_PAGE_KEY = "ui.start_page"
