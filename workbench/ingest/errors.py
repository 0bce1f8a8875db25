"""Why a file could not be imported, in words for the user."""

from workbench.core.errors import WorkbenchError


class UnreadableFile(WorkbenchError):
    """A file that could not be read as articles; the message says why."""


class EmptyFile(UnreadableFile):
    """A file with no text in it: skipped rather than failed."""


class NotArticles(UnreadableFile):
    """A file of a kind that holds no articles, told by what is in it (an XML file that is
    no news feed): skipped like a file of an unsupported type."""
