"""Benchmarks of the reply coach; run them with ``python benchmarks/run.py --help``."""
