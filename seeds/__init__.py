"""The sample corpus: five scraped news articles on North Korea–Russia military ties.

Shipped inside the package (as `workbench.seeds`) so an installed app can open on it.
"""

from importlib.resources import files
from pathlib import Path


def sample_files() -> list[Path]:
    """The sample articles, in name order."""
    folder = Path(str(files(__name__)))
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt")
