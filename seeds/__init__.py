"""The sample corpus: five scraped news articles on North Korea–Russia military ties.

Shipped inside the package (as `workbench.seeds`), as plain files, so an installed app can
open on it.
"""

from pathlib import Path


def sample_files() -> list[Path]:
    """The sample articles, in name order."""
    return sorted(p for p in Path(__file__).parent.iterdir() if p.suffix == ".txt")
