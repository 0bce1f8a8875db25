from workbench.core.model import Article, Role, Segment


def test_analysed_runs_skip_metadata_and_clutter():
    text = "Title\n\ndate 2024-01-01\nBody one. Body two.\n\nRelated Articles\nnoise"
    segments = (
        Segment(0, 7, Role.TITLE),
        Segment(7, 23, Role.META),
        Segment(23, 44, Role.BODY),
        Segment(44, len(text), Role.CLUTTER),
    )
    article = Article("f.txt", text, "h", "Title", segments)
    runs = article.analysed_runs()
    assert [(offset, chunk.strip()) for offset, chunk in runs] == [(0, "Title"), (23, "Body one. Body two.")]
    assert "noise" not in article.body_text


def test_a_list_filter_narrows_the_list_when_a_word_searches_something():
    from workbench.core.model import ListFilter

    assert not ListFilter() and not ListFilter(words=" - … ")
    assert ListFilter(words="道歉") and ListFilter(words="-x") and ListFilter(period=("2024", "2025"))
