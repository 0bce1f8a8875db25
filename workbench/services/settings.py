"""The user's settings: one typed, versioned object in one JSON file.

Where it lives follows the platform's conventions (platformdirs); WORKBENCH_CONFIG_DIR and
WORKBENCH_DATA_DIR move it and the default project elsewhere (tests use them).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

APP_NAME = "analyst-workbench"
SETTINGS_VERSION = 1


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    analyst: str = ""  # recorded on claims and their history
    pipeline: str | None = None  # a spaCy pipeline name or path to prefer
    last_project: str | None = None


def default_analyst() -> str:
    """Who works here when no name is set in the preferences: the login name."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def config_dir() -> Path:
    if os.environ.get("WORKBENCH_CONFIG_DIR"):
        return Path(os.environ["WORKBENCH_CONFIG_DIR"])
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    if os.environ.get("WORKBENCH_DATA_DIR"):
        return Path(os.environ["WORKBENCH_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def load_settings() -> Settings:
    """The saved settings; defaults for anything missing, unreadable or of another type."""
    try:
        raw = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    known = {}
    for f in fields(Settings):
        value = raw.get(f.name, getattr(defaults, f.name))
        default = getattr(defaults, f.name)
        if default is None or isinstance(value, type(default)):
            known[f.name] = value
    known["version"] = SETTINGS_VERSION
    return Settings(**known)


def save_settings(settings: Settings) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "settings.json.part"
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "settings.json")
