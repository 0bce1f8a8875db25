"""Panels of the main window; each also runs alone: python -m workbench.qt.widgets.NAME."""
