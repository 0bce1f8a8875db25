"""Benchmarks: each figure the app promises, measured against a bare baseline taken in the
same run (`python -m benchmarks`, or `make bench`; see `python -m benchmarks --help`)."""
