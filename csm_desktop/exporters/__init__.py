"""Export of every entity to CSV and Excel, and of the whole database to a JSON archive."""
