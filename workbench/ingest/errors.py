"""Why a file could not be imported, in words for the user."""

from workbench.core.errors import WorkbenchError


class UnreadableFile(WorkbenchError):
    """A file that could not be read as articles; the message says why."""


class EmptyFile(UnreadableFile):
    """A file with no text in it: skipped rather than failed."""
