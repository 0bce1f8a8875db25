"""Opening projects: the default one, new ones seeded with the claim schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import resources, seeds
from workbench.core.model import Category, ClaimSchema
from workbench.services.session import Session
from workbench.services.settings import data_dir
from workbench.store import ProjectStore

if TYPE_CHECKING:
    from workbench.services.importing import ImportReport

PROJECT_SUFFIX = ".wbproj"
DEFAULT_PROJECT_NAME = "default" + PROJECT_SUFFIX


def default_project_path() -> Path:
    return data_dir() / DEFAULT_PROJECT_NAME


def default_schema() -> ClaimSchema:
    """The claim schema new projects start with (resources/claim_schema.json)."""
    raw = json.loads(resources.read_text("claim_schema.json"))
    return ClaimSchema(
        categories=tuple(Category(**c) for c in raw["categories"]),
        stances=tuple(raw["stances"]),
        statuses=tuple(raw["statuses"]),
    )


def open_session(path: str | Path | None = None) -> tuple[Session, ImportReport | None]:
    """Open the project at `path`, creating it when missing. Without a path, open the
    default project, and on its first run import the sample corpus into it.

    Returns the session and, when the sample corpus was imported, the import report.
    """
    report = None
    is_default = path is None
    if is_default:
        path = default_project_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    path = Path(path)
    created = not path.exists()
    store = ProjectStore.open(path)
    schema = store.schema()
    if not (schema.categories or schema.stances or schema.statuses):
        store.set_schema(default_schema())  # a new project (or one whose creation was cut short)
    if created and is_default:
        from workbench.services.importing import import_paths  # NOTE: lazy: first run only

        report = import_paths(store, seeds.sample_files())
    return Session(store), report
