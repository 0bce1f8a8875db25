"""Errors whose message is written for the user, not for a developer."""


class WorkbenchError(Exception):
    """A failure the user can understand and act on; its message is shown as it is."""


class SpanError(WorkbenchError):
    """A span that does not fit the text it is meant to mark."""
