"""Quotations and span trimming (no model needed), and a pipeline without a parser."""

import pytest

from workbench.core.model import Article, Role, Segment
from workbench.nlp.attribution import body_paragraphs, suggest_claims
from workbench.nlp.attribution_spans import quotations, trim_quotes
from workbench.nlp.pipeline import PipelineUnavailable


def test_quotations_curly_and_straight():
    text = '“We are ready,” he said. "So are we," she said.'
    assert [text[a:b] for a, b in quotations(text)] == ["We are ready,", "So are we,"]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("“We are ready,”", "We are ready"),
        ('"We are ready,"', "We are ready"),
        ("the allegations were “absurd”", "the allegations were “absurd”"),
        ("“absurd” and unfounded", "“absurd” and unfounded"),
        ("“They are lies. We reject them.”", "They are lies. We reject them."),
        ("“unbalanced opening, ", "unbalanced opening"),
        ("closing only”", "closing only"),
        ("“A” and “B”", "“A” and “B”"),
    ],
)
def test_trim_quotes(span, expected):
    start, end = trim_quotes(span, 0, len(span))
    assert span[start:end] == expected


def test_body_paragraphs_skip_everything_but_the_body():
    text = "Headline\n\nFirst line.\nSecond line.\n\nShare this"
    segments = (Segment(0, 10, Role.TITLE), Segment(10, 36, Role.BODY), Segment(36, len(text), Role.CLUTTER))
    article = Article("x.txt", text, "", "", segments)
    assert body_paragraphs(article) == [(10, "First line."), (22, "Second line.")]


def test_a_pipeline_without_a_parser_is_refused(ruler_pipeline):
    article = Article("x.txt", "Police said so.", "", "", (Segment(0, 15, Role.BODY),))
    with pytest.raises(PipelineUnavailable, match="parser"):
        suggest_claims(ruler_pipeline, article)


def test_long_lines_are_cut_into_pieces_that_cover_them(monkeypatch):
    from workbench.nlp import attribution

    monkeypatch.setattr(attribution, "MAX_PARAGRAPH", 50)
    text = "Police said two men were arrested. " * 5 + "x" * 120
    article = Article("x.txt", text, "", "", (Segment(0, len(text), Role.BODY),))
    pieces = body_paragraphs(article)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= 50 for _, piece in pieces)
    assert pieces[0][1].endswith("arrested. ")
