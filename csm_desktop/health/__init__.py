"""Health score: a pure scoring engine and the snapshots computed from stored data."""
