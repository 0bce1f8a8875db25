from tests.conftest import SEEDS
from workbench.services.analysis import analyse_articles
from workbench.services.importing import import_paths
from workbench.services.projects import default_project_path, open_session


def test_unchanged_articles_are_never_analysed_twice(session, ruler_pipeline):
    import_paths(session.store, [SEEDS])
    first = analyse_articles(session.store, ruler_pipeline)
    assert first.analysed == 5 and first.found > 50
    again = analyse_articles(session.store, ruler_pipeline)
    assert again.analysed == 0 and again.up_to_date == 5
    assert not again.changes


def test_requested_article_is_analysed_first(session, ruler_pipeline):
    import_paths(session.store, [SEEDS])
    seen = []
    analyse_articles(session.store, ruler_pipeline, first=[4], progress=lambda d, t, m: seen.append(d))
    report = analyse_articles(session.store, ruler_pipeline)
    assert report.analysed == 0


def test_cancel_stops_and_keeps_what_is_done(session, ruler_pipeline):
    import_paths(session.store, [SEEDS])
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    report = analyse_articles(session.store, ruler_pipeline, cancelled=cancelled)
    assert report.cancelled and report.analysed < 5
    rest = analyse_articles(session.store, ruler_pipeline)
    assert rest.analysed == 5 - report.analysed


def test_import_report_per_file(session, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Headline\n\nSome story text that is long enough to be a body, said officials on Monday."
    )
    (folder / "copy.txt").write_text(
        "Headline\n\nSome story text that is long enough to be a body, said officials on Monday."
    )
    (folder / "empty.txt").write_text("  \n\n ")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    report = import_paths(session.store, [folder, tmp_path / "missing.txt"])
    statuses = {o.path.rsplit("/", 1)[-1]: o.status for o in report.outcomes}
    assert statuses == {
        "a.txt": "imported",
        "copy.txt": "duplicate",
        "empty.txt": "empty",
        "binary.txt": "failed",
        "missing.txt": "failed",
        "ignored.png": "unsupported",
    }
    assert report.summary() == "1 imported, 3 skipped, 2 failed"
    assert "no such file" in "\n".join(report.lines())
    assert session.store.article_count() == 1


def test_default_project_imports_the_sample_corpus_once():
    session, report = open_session(None)
    assert report is not None and report.count("imported") == 5
    assert session.path == default_project_path()
    assert session.schema.categories
    session.close()
    again, report = open_session(None)
    assert report is None and again.store.article_count() == 5
    again.close()


def test_explicit_new_project_starts_empty_with_the_schema(tmp_path):
    session, report = open_session(tmp_path / "new.wbproj")
    assert report is None and session.store.article_count() == 0
    assert session.schema.stances == ("asserts", "denies", "questions", "other")
    assert session.schema.statuses == ("unverified", "corroborated", "disputed", "false")
    session.close()
