"""Runtime assets — icons, the style sheet, the default claim schema, entity label colours —
shipped inside the package (as `workbench.resources`) and looked up by name."""

from importlib.resources import as_file, files
from pathlib import Path


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def file_path(name: str) -> Path:
    """A real file system path to the asset (Qt wants paths, not package resources)."""
    with as_file(files(__name__).joinpath(name)) as path:
        return Path(path)
