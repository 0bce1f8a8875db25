"""The layering of ARCHITECTURE.md, checked on every run."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken" in result.stdout


def test_importing_the_package_and_services_stays_light():
    code = (
        "import sys, workbench, workbench.cli, workbench.services.session, workbench.services.projects, "
        "workbench.services.importing, workbench.services.analysis, workbench.services.exporting;"
        "heavy = [m for m in ('PySide6', 'spacy', 'pandas', 'pyqtgraph') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_main_window_module_does_not_import_pyqtgraph_or_spacy():
    code = (
        "import sys, workbench.qt.main_window;"
        "print(','.join(m for m in ('spacy', 'pandas', 'pyqtgraph') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
