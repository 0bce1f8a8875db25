"""Running the language pipeline over a project's articles and storing what it finds:
entity mentions (NER only) and suggested claims (the full parse).

Both passes skip every article already done by the same pipeline and rules on the same
text, so re-running, or reopening a project, costs nothing for unchanged articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from workbench.core.model import Article, ChangeSet
from workbench.nlp.entities import find_entities
from workbench.nlp.language import pipeline_reads
from workbench.nlp.pipeline import Pipeline, pipeline_meta
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore

# Articles written per transaction: one commit (and disk sync) per article would cost
# more than the storage itself.
COMMIT_EVERY = 32
# A second spaCy process read 1.3 to 1.5 times the words per second of one on two cores
# (benchmarks, analysis); starting it costs about a second, worth it for this many articles.
PROCESSES_FROM = 200


@dataclass(frozen=True)
class AnalysisReport:
    what: str  # "entity mentions" or "suggested claims"
    analysed: int
    up_to_date: int
    found: int
    cancelled: bool
    changes: ChangeSet
    model: str
    other_language: int = 0  # of those analysed, articles not in the pipeline's language

    def summary(self) -> str:
        text = (
            f"{self.analysed} analysed, {self.up_to_date} already up to date, {self.found} {self.what} ({self.model})"
        )
        if self.other_language:
            text += f"; {self.other_language} not in English, so nothing was looked for in them"
        return text + (" — cancelled before the end" if self.cancelled else "")


def nothing_to_analyse(
    store: ProjectStore, preferred_pipeline: str | None, *, suggestions: bool = True
) -> list[AnalysisReport] | None:
    """The reports of an analysis (entities, then suggested claims when the pipeline can
    parse and `suggestions`) that has nothing to do, when that can be told without loading
    the pipeline (its identity is read from its meta.json): reopening or re-analysing an
    unchanged project then costs two queries, not seconds of loading spaCy. None when some
    article needs analysing, or the pipeline cannot be identified without loading it."""
    meta = pipeline_meta(preferred_pipeline)
    if meta is None:
        return None
    passes = [("entity mentions", meta.entity_model, store.articles_to_analyse)]
    if suggestions and meta.can_parse:
        from workbench.nlp.attribution import suggestion_model  # NOTE: lazy, it is large

        passes.append(("suggested claims", suggestion_model(meta), store.articles_to_suggest))
    if any(pending(*model) for _, model, pending in passes):
        return None
    count = store.article_count()
    return [AnalysisReport(what, 0, count, 0, False, ChangeSet(), " ".join(model)) for what, model, _ in passes]


def analyse_articles(
    store: ProjectStore,
    pipeline: Pipeline,
    *,
    first: Iterable[int] = (),
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    processes: int = 1,
) -> AnalysisReport:
    """Find entities in every article not yet analysed by this pipeline on its current text
    (articles in `first` go first), in up to `processes` worker processes when there are
    PROCESSES_FROM articles or more. Returns the report; `changes.entities_changed` lists
    the articles analysed."""
    name, version = pipeline.entity_model
    pending = store.articles_to_analyse(name, version)
    workers = processes if len(pending) >= PROCESSES_FROM else 1
    return _run(
        store,
        "entity mentions",
        pending,
        lambda articles: find_entities(pipeline, ((key, a.analysed_runs()) for key, a in articles), processes=workers),
        lambda article_id, text_hash, found: store.save_entities(article_id, text_hash, found, name, version),
        lambda done: ChangeSet(entities_changed=frozenset(done)),
        f"{name} {version}",
        first,
        progress,
        cancelled,
    )


def suggest_claims(
    store: ProjectStore,
    pipeline: Pipeline,
    *,
    first: Iterable[int] = (),
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> AnalysisReport:
    """Find attributed statements, to propose as claims, in every article not yet read by
    this pipeline and these rules on its current text. Returns the report;
    `changes.suggestions_changed` lists the articles read. Raises PipelineUnavailable when
    the pipeline has no parser."""
    from workbench.nlp.attribution import suggest_many, suggestion_model

    name, version = suggestion_model(pipeline)
    return _run(
        store,
        "suggested claims",
        store.articles_to_suggest(name, version),
        lambda articles: suggest_many(pipeline, articles),
        lambda article_id, text_hash, found: store.save_suggestions(article_id, text_hash, found, name, version),
        lambda done: ChangeSet(suggestions_changed=frozenset(done)),
        f"{name} {version}",
        first,
        progress,
        cancelled,
    )


def _run(
    store: ProjectStore,
    what: str,
    pending: list[int],
    find: Callable[[Iterator[tuple[tuple[int, str], Article]]], Iterator[tuple[tuple[int, str], list]]],
    save: Callable[[int, str, list], None],
    changes: Callable[[list[int]], ChangeSet],
    model: str,
    first: Iterable[int],
    progress: Progress,
    cancelled: Cancelled,
) -> AnalysisReport:
    """Stream the pending articles (those in `first` first) through `find`, saving results
    in batches of COMMIT_EVERY articles, stopping early when `cancelled()`."""
    pending_set = set(pending)
    wanted_first = list(dict.fromkeys(i for i in first if i in pending_set))
    order = wanted_first + [i for i in pending if i not in set(wanted_first)]
    up_to_date = store.article_count() - len(order)
    stopped = False

    def articles():
        nonlocal stopped
        for article_id in order:
            if cancelled():
                stopped = True
                return
            article = store.article(article_id)
            if not pipeline_reads(model, article.body_text):
                other_language.append(article_id)
                article = replace(article, segments=())  # decided once: nothing for the pipeline to read
            yield (article_id, article.text_hash), article

    done: list[int] = []
    other_language: list[int] = []
    found_total = 0
    batch: list = []

    def flush():
        with store.transaction():
            for (article_id, text_hash), found in batch:
                save(article_id, text_hash, found)
        batch.clear()

    progress(0, len(order), f"Finding {what} in {len(order)} articles")
    for key, found in find(articles()):
        if cancelled():
            stopped = True
            break
        batch.append((key, found))
        done.append(key[0])
        found_total += len(found)
        if len(batch) >= COMMIT_EVERY:
            flush()
        progress(len(done), len(order), f"Finding {what}: {len(done)} of {len(order)} articles")
    if batch:
        flush()
    skipped = len(set(other_language) & set(done))
    return AnalysisReport(what, len(done), up_to_date, found_total, stopped, changes(done), model, skipped)
