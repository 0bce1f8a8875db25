"""Bare baselines: the least a program can do for the same result, with no code of ours
(each file runs on its own, as `python benchmarks/bare/NAME.py`)."""
