"""Shared fixtures: isolated settings and data folders, projects, a fast spaCy pipeline.

Fast tests use a real spaCy pipeline made of `spacy.blank("en")` and an entity ruler,
saved to disk and loaded the way the app loads any pipeline; tests marked `model` load
the real English pipeline.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Names that occur in the sample articles, and general ones, as an entity ruler knows them.
RULER_PATTERNS = [
    {"label": "PERSON", "pattern": name}
    for name in ("Kim Jong Un", "Sergei Shoigu", "Vladimir Putin", "Choe Son Hui", "Chloe Son Hui", "Putin",
                 "Volodymyr Zelenskyy", "Kim Kyou-hyun", "Alexander Matsegora", "Yoo Sang-bum", "Xi Jinping")
] + [
    {"label": "GPE", "pattern": name}
    for name in ("North Korea", "Russia", "Pyongyang", "Moscow", "China", "Ukraine", "United States", "U.S.",
                 "Washington", "Beijing", "India", "Glasgow")
] + [
    {"label": "ORG", "pattern": name}
    for name in ("RIA Novosti", "State Duma", "Federation Council", "White House", "National Intelligence Service")
] + [{"label": "NORP", "pattern": name} for name in ("Russian", "North Korean", "South Korean", "Western")]  # fmt: skip


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Settings, logs and the default project go to a temporary folder, never the user's."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(base / "data"))


@pytest.fixture(scope="session")
def ruler_pipeline_path(tmp_path_factory) -> Path:
    """A small real pipeline (blank English + entity ruler) saved to disk."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(RULER_PATTERNS)
    nlp.meta["name"] = "test_ruler"
    nlp.meta["version"] = "1.0.0"
    path = tmp_path_factory.mktemp("pipelines") / "test_ruler"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="session")
def ruler_pipeline(ruler_pipeline_path):
    from workbench.nlp.pipeline import load_pipeline

    return load_pipeline(str(ruler_pipeline_path))


@pytest.fixture(scope="session")
def real_pipeline():
    from workbench.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def store(tmp_path):
    from workbench.store import ProjectStore

    store = ProjectStore.open(tmp_path / "project.wbproj")
    yield store
    store.close()


@pytest.fixture
def session(tmp_path):
    from workbench.services.projects import open_session

    session, _ = open_session(tmp_path / "project.wbproj")
    yield session
    session.close()


@pytest.fixture
def seeded_session(session, ruler_pipeline):
    """A project with the five sample articles imported and analysed by the ruler."""
    from workbench.services.analysis import analyse_articles
    from workbench.services.importing import import_paths

    import_paths(session.store, [SEEDS])
    analyse_articles(session.store, ruler_pipeline)
    return session


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
