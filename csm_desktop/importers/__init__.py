"""Importers that bring external files into the local store."""
