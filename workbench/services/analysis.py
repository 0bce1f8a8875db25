"""Running NER over a project's articles and storing what it finds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.model import ChangeSet
from workbench.nlp.entities import find_entities
from workbench.nlp.pipeline import Pipeline
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore

# Articles written per transaction: one commit (and disk sync) per article would cost
# more than the storage itself.
COMMIT_EVERY = 32


@dataclass(frozen=True)
class AnalysisReport:
    analysed: int
    up_to_date: int
    mentions: int
    cancelled: bool
    changes: ChangeSet
    model: str

    def summary(self) -> str:
        text = f"{self.analysed} analysed, {self.up_to_date} already up to date, {self.mentions} entity mentions ({self.model})"
        return text + (" — cancelled before the end" if self.cancelled else "")


def analyse_articles(
    store: ProjectStore,
    pipeline: Pipeline,
    *,
    first: Iterable[int] = (),
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> AnalysisReport:
    """Find entities in every article not yet analysed by this pipeline on its current text
    (articles in `first` go first). Articles already analysed cost nothing.

    Returns the report; its `changes.entities_changed` lists the articles analysed.
    """
    model_name, model_version = pipeline.entity_model
    pending = store.articles_to_analyse(model_name, model_version)
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
            yield (article_id, article.text_hash), article.analysed_runs()

    done: list[int] = []
    mentions = 0
    batch: list = []

    def flush():
        with store.transaction():
            for (article_id, text_hash), found in batch:
                store.save_entities(article_id, text_hash, found, model_name, model_version)
        batch.clear()

    progress(0, len(order), f"Finding entities in {len(order)} articles")
    for key, found in find_entities(pipeline, articles()):
        if cancelled():
            stopped = True
            break
        batch.append((key, found))
        done.append(key[0])
        mentions += len(found)
        if len(batch) >= COMMIT_EVERY:
            flush()
        progress(len(done), len(order), f"Finding entities: {len(done)} of {len(order)} articles")
    if batch:
        flush()
    return AnalysisReport(
        analysed=len(done),
        up_to_date=up_to_date,
        mentions=mentions,
        cancelled=stopped,
        changes=ChangeSet(entities_changed=frozenset(done)),
        model=f"{model_name} {model_version}",
    )
