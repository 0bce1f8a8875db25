"""Runtime assets — icons, the style sheet, the default claim schema, entity label colours —
shipped inside the package (as `workbench.resources`) and looked up by name.

The package is installed as plain files (Qt wants real paths for icons anyway), so assets
are read beside this module: importlib.resources would add 20 ms to starting the window."""

from pathlib import Path

_HERE = Path(__file__).parent


def read_text(name: str) -> str:
    return file_path(name).read_text(encoding="utf-8")


def file_path(name: str) -> Path:
    """A real file system path to the asset."""
    return _HERE / name
