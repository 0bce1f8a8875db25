"""The app in a real X server (Xvfb), as a user launches it, saving a screenshot."""

import json
import os
import shutil
import struct
import subprocess
import sys

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.xvfb


def png_size(path):
    with open(path, "rb") as handle:
        header = handle.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_app_runs_in_a_real_x_window_and_saves_a_screenshot(tmp_path, ruler_pipeline_path):
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing: the test set-up installs Debian's xvfb")
        pytest.skip("xvfb-run not installed (apt-get install xvfb)")
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"pipeline": str(ruler_pipeline_path)}))
    env = dict(
        os.environ, WORKBENCH_CONFIG_DIR=str(config), WORKBENCH_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="xcb"
    )
    project = tmp_path / "p.wbproj"
    subprocess.run(
        [sys.executable, "-m", "workbench", "import", str(SEEDS), "--project", str(project)],
        check=True,
        env=env,
        capture_output=True,
    )
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "workbench", "--screenshot", str(shot), str(project)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    width, height = png_size(shot)
    assert (width, height) == (1440, 880)
    assert shot.stat().st_size > 40_000  # a rendered window, not an empty one
