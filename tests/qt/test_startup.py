"""Start-up: the window comes up with its list filled before anything heavy is imported,
and `--exit-when-shown` (used by the benchmarks) reports it."""

import os
import subprocess
import sys

from tests.conftest import SEEDS

# Imported only when their work is asked for: none of it is needed to show the window.
HEAVY = ("spacy", "pandas", "numpy", "pyqtgraph", "datasketch", "openpyxl", "dateutil", "charset_normalizer")
LATER = (
    "workbench.ingest.layout",
    "workbench.services.importing",
    "workbench.services.exporting",
    "workbench.services.analysis",
    # the menus' transfers and the "All claims" tab: built when first used
    "workbench.qt.transfers",
    "workbench.qt.widgets.claims_view",
    # the language pipeline's loader and the date patterns, wanted only once work begins
    "workbench.nlp.pipeline",
    "workbench.services.metadata",
)


def test_window_comes_up_with_rows_before_anything_heavy_is_imported(tmp_path):
    project = tmp_path / "p.wbproj"
    subprocess.run([sys.executable, "-m", "workbench", "import", str(SEEDS), "--project", str(project)], check=True)
    code = (
        "import sys; from workbench.cli import main; code = main(['--exit-when-shown', sys.argv[1]]);"
        f"print('loaded:', ' '.join(m for m in {HEAVY + LATER!r} if m in sys.modules))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code, str(project)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "shown 5" in lines
    assert lines[-1] == "loaded: "
    assert not project.with_name("p.wbproj-wal").exists()  # the project was closed
