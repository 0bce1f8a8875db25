"""A real spreadsheet program opens the claims CSV: LibreOffice converts it headlessly, and
no cell becomes a formula (while the same data written --raw does)."""

import os
import shutil
import subprocess

import pytest

from workbench.services.exporting import export_dataset

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def soffice():
    if SOFFICE is None:
        message = "LibreOffice (soffice) is not installed: packaging/debian-packages.txt lists it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)  # the test set-up installs it; missing in CI is a failure
        pytest.skip(message)
    return SOFFICE


def convert(soffice, csv_path, folder):
    """The CSV as LibreOffice Calc reads it (UTF-8, comma, double quotes), saved as xlsx."""
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(folder), str(csv_path)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    converted = folder / (csv_path.stem + ".xlsx")
    assert converted.exists(), result.stdout + result.stderr
    return converted


def formulas(path):
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [cell.value for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_libreoffice_turns_no_cell_of_the_csv_into_a_formula(soffice, annotated, tmp_path):
    s, claim_a, _ = annotated
    folder = tmp_path / "out"
    folder.mkdir()
    export_dataset(s.store, folder / "safe.csv")
    export_dataset(s.store, folder / "raw.csv", raw=True)
    assert formulas(convert(soffice, folder / "safe.csv", folder)) == []
    # The check can see a formula: the unprotected file does make one.
    assert formulas(convert(soffice, folder / "raw.csv", folder)) != []
