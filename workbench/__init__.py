"""Analyst Workbench: read news coverage, see its named entities, annotate the claims in it.

Importing this package is cheap on purpose: Qt, spaCy and pandas are imported only by the
modules that need them, when they are first used.
"""

__version__ = "0.1.0"
