"""Articles not in English are not given to an English pipeline."""

import pytest

from tests.nlp.test_attribution import body
from workbench.nlp import attribution
from workbench.nlp.entities import find_entities
from workbench.nlp.language import looks_english, pipeline_reads

ENGLISH = "Russia and North Korea signed a defence pact on Wednesday, the state news agency said in a report."
OTHERS = [
    "El fiscal Pedro Horrach está perfilando con el jefe de la Fiscalía Anticorrupción la estrategia jurídica en Moscow.",
    "Norvēģijas glābšanas komanda četras dienas pēc tam, kad zemes nogruvums apraka vairākas mājas Askas ciematā.",
    "أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد تمكنت من السيطرة على مستودعات للأسلحة",
    "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。 有 关 方 面 表 示 将 继 续 调 查",
]


def test_english_is_told_from_other_languages():
    assert looks_english(ENGLISH)
    assert not any(looks_english(text) for text in OTHERS)


def test_a_text_too_short_to_tell_is_read():
    assert looks_english("Moscow") and looks_english("Пхеньян Москва")


def test_an_english_text_quoting_another_language_is_english():
    assert looks_english(ENGLISH + " " + OTHERS[0] + " " + ENGLISH)


def test_only_english_pipelines_are_kept_to_english():
    assert not pipeline_reads("en_core_web_sm", OTHERS[0])
    assert pipeline_reads("es_core_news_sm", OTHERS[0])


def test_an_article_in_another_language_has_no_mentions(ruler_pipeline):
    runs = {"es": [(0, OTHERS[0])], "en": [(0, "Officials in Moscow said the talks would go on for days.")]}
    found = dict(find_entities(ruler_pipeline, runs.items()))
    assert found["es"] == [] and [m.text for m in found["en"]] == ["Moscow"]


@pytest.mark.model
def test_an_article_in_another_language_is_not_parsed(real_pipeline, monkeypatch):
    parsed = []
    real_parse = attribution.parse

    def spy(pipeline, items, **kwargs):
        for doc, context in real_parse(pipeline, items, **kwargs):
            parsed.append(doc.text)
            yield doc, context

    monkeypatch.setattr(attribution, "parse", spy)
    assert attribution.suggest_claims(real_pipeline, body(OTHERS[0])) == []
    assert parsed == [""]
    assert attribution.suggest_claims(real_pipeline, body(ENGLISH)) != []
