"""Analysis is cached by text hash and pipeline identity: unchanged articles are never
analysed again, and an unchanged project does not even load the pipeline — while a new
text or a new model version means analysing again."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import SEEDS
from workbench.nlp.pipeline import ENTITY_RULES_VERSION, load_pipeline, pipeline_meta
from workbench.services.analysis import analyse_articles, nothing_to_analyse
from workbench.services.importing import import_paths


def test_identity_read_from_meta_is_the_loaded_pipelines(ruler_pipeline_path, ruler_pipeline):
    meta = pipeline_meta(str(ruler_pipeline_path))
    assert meta.entity_model == ruler_pipeline.entity_model and meta.can_parse == ruler_pipeline.can_parse


def test_identity_of_a_missing_pipeline_is_unknown(tmp_path):
    """Unknown, so that loading it runs and says what to install."""
    assert pipeline_meta(str(tmp_path / "nothing")) is None


def test_nothing_to_do_is_known_without_loading(session, ruler_pipeline, ruler_pipeline_path):
    store = session.store
    import_paths(store, [SEEDS])
    assert nothing_to_analyse(store, str(ruler_pipeline_path)) is None  # fresh articles: work to do
    analyse_articles(store, ruler_pipeline)
    [report] = nothing_to_analyse(store, str(ruler_pipeline_path))  # the ruler cannot parse: no suggestions
    assert report.analysed == 0 and report.up_to_date == 5 and not report.changes


def test_a_changed_text_is_analysed_again(session, ruler_pipeline, ruler_pipeline_path):
    store = session.store
    import_paths(store, [SEEDS])
    analyse_articles(store, ruler_pipeline)
    with store.transaction() as db:  # the text of article 3 changed since it was analysed
        db.execute("UPDATE articles SET text = text || ' Putin spoke.', text_hash = 'changed' WHERE id = 3")
    assert nothing_to_analyse(store, str(ruler_pipeline_path)) is None
    report = analyse_articles(store, ruler_pipeline)
    assert report.analysed == 1 and report.changes.entities_changed == {3}
    assert any(m.text == "Putin" and m.start > 0 for m in store.entities(3))


def test_the_report_counts_the_articles_not_in_english(session, ruler_pipeline, tmp_path):
    spanish = tmp_path / "es.txt"
    spanish.write_text(
        "El fiscal está perfilando con el jefe de la Fiscalía la estrategia jurídica que seguirá tras el auto "
        "dictado por el juez en el que acuerda citar en calidad de imputada a la infanta en Moscow."
    )
    import_paths(session.store, [SEEDS, spanish])
    report = analyse_articles(session.store, ruler_pipeline)
    assert (report.analysed, report.other_language) == (6, 1)
    assert report.summary().endswith("; 1 not in English, so nothing was looked for in them")


def test_a_new_model_version_analyses_everything_again(session, ruler_pipeline, ruler_pipeline_path, tmp_path):
    store = session.store
    import_paths(store, [SEEDS])
    analyse_articles(store, ruler_pipeline)
    newer = tmp_path / "newer"
    shutil.copytree(ruler_pipeline_path, newer)
    meta = json.loads((newer / "meta.json").read_text())
    (newer / "meta.json").write_text(json.dumps({**meta, "version": "1.0.1"}))
    assert nothing_to_analyse(store, str(newer)) is None
    report = analyse_articles(store, load_pipeline(str(newer)))
    assert report.analysed == 5
    assert store.analysed_by(1) == ("en_test_ruler", f"1.0.1+rules{ENTITY_RULES_VERSION}")


def test_analyze_again_does_not_load_spacy(tmp_path, ruler_pipeline_path):
    project = tmp_path / "p.wbproj"
    script = (
        "import sys; from workbench.cli import main; code = main(sys.argv[1:]);"
        " print('spacy loaded' if 'spacy' in sys.modules else 'spacy not loaded')"
    )

    def analyze():
        return subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                "analyze",
                "--project",
                str(project),
                "--pipeline",
                str(ruler_pipeline_path),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout

    subprocess.run([sys.executable, "-m", "workbench", "import", str(SEEDS), "--project", str(project)], check=True)
    first = analyze()
    assert first.startswith("5 analysed") and "spacy loaded" in first
    again = analyze()
    assert again.startswith("0 analysed, 5 already up to date") and "spacy not loaded" in again


@pytest.mark.model
def test_a_project_analysed_for_entities_and_suggestions_needs_no_pipeline(session, real_pipeline):
    from workbench.services.analysis import suggest_claims

    store = session.store
    import_paths(store, [SEEDS])
    analyse_articles(store, real_pipeline)
    assert nothing_to_analyse(store, None) is None  # suggested claims are still to be found
    [entities] = nothing_to_analyse(store, None, suggestions=False)
    assert entities.up_to_date == 5
    suggest_claims(store, real_pipeline)
    reports = nothing_to_analyse(store, None)
    assert [r.what for r in reports] == ["entity mentions", "suggested claims"]
    assert all(r.analysed == 0 and r.up_to_date == 5 for r in reports)


def test_two_processes_find_what_one_finds(tmp_path, ruler_pipeline_path):
    """`workbench analyze` reads long runs of articles in two spaCy processes; the mentions
    found are the same as in one."""
    from workbench.services.analysis import PROCESSES_FROM

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(PROCESSES_FROM + 10):
        (folder / f"{i:04d}.txt").write_text(
            f"Story {i}\n\nKim Jong Un met Putin in Moscow on day {i}, and Russia and North Korea said {i} things."
        )
    one, two = tmp_path / "one.wbproj", tmp_path / "two.wbproj"
    subprocess.run([sys.executable, "-m", "workbench", "import", str(folder), "--project", str(one)], check=True)
    shutil.copy(one, two)
    for project, processes in ((one, "1"), (two, "2")):
        done = subprocess.run(
            [sys.executable, "-m", "workbench", "analyze", "--project", str(project), "--pipeline", str(ruler_pipeline_path),
             "--processes", processes],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.stdout.startswith(f"{PROCESSES_FROM + 10} analysed"), done.stderr

    def mentions(path):
        with sqlite3.connect(path) as db:
            return db.execute("SELECT article_id, start, end, label, text FROM entities ORDER BY 1, 2, 3").fetchall()

    assert mentions(one) == mentions(two) and len(mentions(one)) > 5 * PROCESSES_FROM
