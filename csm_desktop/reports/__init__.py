"""Customer-facing reports: the QBR PDF and the chart figures it shares with the app.

The modules here import matplotlib and reportlab, so nothing on the app's
start-up path imports this package's submodules; the export action and the
chart widgets import them when first used.
"""
