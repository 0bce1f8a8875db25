"""The project file: one SQLite database holding articles, mentions, claims and the schema."""

from workbench.store.project_store import ProjectStore

__all__ = ["ProjectStore"]
