"""The agreement report of a project: actors, rows, CSV, and the command."""

import csv

import pytest

from tests.conftest import SEEDS
from tests.test_cli import run
from workbench.services.agreement import (
    COLUMNS,
    agreement_report,
    agreement_rows,
    not_enough_message,
    write_agreement_csv,
)
from workbench.services.importing import import_paths
from workbench.services.projects import open_session


def annotate(session, analyst, claims):
    session.analyst = analyst
    for article_id, needle, fields in claims:
        text = session.article(article_id).text
        start = text.index(needle)
        session.add_claim(article_id=article_id, start=start, end=start + len(needle), **fields)


def two_analysts(session):
    annotate(session, "Ana", [
        (1, "Kim Jong Un", {"category": "Event", "source": "Choe Son Hui"}),
        (1, "Russia", {"category": "Intent", "stance": "denies"}),
        (2, "North Korea", {"category": "Event"}),
    ])  # fmt: skip
    annotate(session, "=Ben", [
        (1, "Kim Jong Un", {"category": "Event", "source": "Chloe Son Hui"}),
        (1, "Russia", {"category": "Event", "stance": "denies"}),
    ])  # fmt: skip


def test_sources_that_are_one_actor_agree(seeded_session):
    s = seeded_session
    two_analysts(s)
    [pair] = agreement_report(s.store)
    assert (pair.first, pair.second, pair.articles, pair.paired) == ("=Ben", "Ana", 1, 2)
    assert {f.field: f.agreed for f in pair.fields}["source"] == 1
    actors = {a.name: a for a in s.actors()}
    s.merge_actors(target_id=actors["Choe Son Hui"].id, source_ids=[actors["Chloe Son Hui"].id])
    [pair] = agreement_report(s.store)
    assert {f.field: f.agreed for f in pair.fields}["source"] == 2


def test_the_csv_has_a_row_per_measure_and_is_spreadsheet_safe(seeded_session, tmp_path):
    s = seeded_session
    two_analysts(s)
    results = agreement_report(s.store)
    out = tmp_path / "agreement.csv"
    assert write_agreement_csv(out, results) == 5
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [r["measure"] for r in rows] == ["spans", "category", "stance", "status", "source"]
    assert rows[0]["first_analyst"] == "'=Ben"  # a name that would run as a formula
    assert rows[0]["agreement"] == "1.0000"  # Ana's claim in article 2, where Ben made none, is not compared
    assert rows[1]["agreement"] == "0.5000" and rows[2]["cohen_kappa"] == "1.0000"
    assert rows[3]["agreement"] == "1.0000" and rows[3]["cohen_kappa"] == ""  # one status only: undefined
    assert rows[3]["gwet_ac1"] == "1.0000"  # … but the project's other statuses could have been chosen
    assert rows[0]["gwet_ac1"] == ""  # spans have no coefficients
    assert len(list(agreement_rows(results))) == 5


def test_with_one_analyst_the_report_says_what_it_needs(seeded_session):
    s = seeded_session
    assert "has no claims" in not_enough_message(s.store)
    annotate(s, "Ana", [(1, "Kim Jong Un", {})])
    assert agreement_report(s.store) == []
    assert "claims by Ana only" in not_enough_message(s.store)
    annotate(s, "Ben", [(2, "Russia", {})])  # another article: nothing to compare
    assert agreement_report(s.store) == []
    assert "Ana and Ben made claims in no article in common" in not_enough_message(s.store)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.wbproj"
    session, _ = open_session(path)
    import_paths(session.store, [SEEDS])
    two_analysts(session)
    session.close()
    return path


def test_the_command_prints_the_report_and_writes_the_csv(project, tmp_path):
    result = run("agreement", "-p", project, "-o", tmp_path / "a.csv")
    assert result.returncode == 0, result.stderr
    assert "=Ben and Ana: 1 article both made claims in; 2 and 2 claims, 2 paired" in result.stdout
    assert "  category    50% agree of    2" in result.stdout
    assert result.stdout.rstrip().endswith(f"Wrote 5 rows to {tmp_path / 'a.csv'}")
    lonely = tmp_path / "one.wbproj"
    run("import", SEEDS, "-p", lonely)
    alone = run("agreement", "-p", lonely)
    assert alone.returncode == 0 and "two analysts or more" in alone.stdout
    bad = run("agreement", "-p", project, "-o", tmp_path / "missing" / "a.csv")
    assert bad.returncode == 1 and "does not exist" in bad.stderr and "Traceback" not in bad.stderr
