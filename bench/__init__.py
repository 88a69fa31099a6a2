"""Benchmarks: each script times our path and its floor side by side in one run."""
