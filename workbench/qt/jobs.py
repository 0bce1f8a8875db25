"""The work functions the task runner runs on its lanes: each opens what its lane owns
(its own project connection, the spaCy pipeline) through `state.local` and calls a service.

NOTE: each imports its service when it first runs, on its lane: importing them all with
this module would cost the window a tenth of a second at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError
from workbench.core.processes import KeptProcess
from workbench.store import ProjectStore
from workbench.store.project_store import ProjectFileError

if TYPE_CHECKING:
    from workbench.ingest.tables import ColumnChoice
    from workbench.nlp.pipeline import Pipeline
    from workbench.services.analysis import AnalysisReport
    from workbench.services.annotation_import import AnnotationImportPlan
    from workbench.services.exporting import ExportResult
    from workbench.services.importing import ImportReport, TablePreview


def lane_store(state, project: Path) -> ProjectStore:
    """This lane's own connection to the project (SQLite connections stay in their thread)."""
    store = state.local.get("store")
    if store is None or store.path != project:
        if store is not None:
            store.close()
        if not project.exists():  # NOTE: the window has it open: it was moved, not mistyped
            raise ProjectFileError(
                f"The project file {project} is no longer there: it was moved, renamed or deleted while it "
                "was open. Open the project where it is now."
            )
        store = state.local["store"] = ProjectStore.open(project, create=False)
    return store


def analyse(state, project: Path, preferred_pipeline: str | None, first: list[int]) -> list[AnalysisReport]:
    """Entities first (fast, NER only), then suggested claims (the full parse), in the
    analysis process; spaCy is loaded there only when one of them has work to do."""
    from workbench.services.analysis import nothing_to_analyse

    store = lane_store(state, project)
    store.check_still_there()
    done = nothing_to_analyse(store, preferred_pipeline)
    if done is not None:
        return done
    from concurrent.futures.process import BrokenProcessPool

    # NOTE: in a process of its own: on a thread here a parse held the interpreter, and so
    # froze the window, for 110-140 ms at a time on a long article.
    try:
        return ANALYSER.run(
            _analyse_in_process,
            project,
            store.identity,
            preferred_pipeline,
            first,
            progress=state.progress,
            cancelled=state.cancelled,
            abandoned=state.abandoned,
        )
    except BrokenProcessPool:
        raise WorkbenchError(
            "The analysis stopped: its process ended unexpectedly (out of memory, or ended from outside). What "
            "it had found so far is saved; F5 goes on."
        ) from None


ANALYSER = KeptProcess()  # kept for the app's life: its pipeline stays loaded between analyses


def _analyse_in_process(progress, cancelled, project: Path, identity, preferred: str | None, first: list[int]):
    from workbench.services.analysis import analyse_articles, suggest_claims

    store = ProjectStore.open(project, create=False, identity=identity)  # the window's file, not one put in its place
    try:
        pipeline = _kept_pipeline(preferred, progress)
        reports = [analyse_articles(store, pipeline, first=first, progress=progress, cancelled=cancelled)]
        if pipeline.can_parse and not cancelled():
            reports.append(suggest_claims(store, pipeline, first=first, progress=progress, cancelled=cancelled))
        return reports
    finally:
        store.close()


_pipeline: tuple[str | None, Pipeline] | None = None  # in the analysis process: the last one loaded


def _kept_pipeline(preferred: str | None, progress) -> Pipeline:
    global _pipeline
    if _pipeline is None or _pipeline[0] != preferred:
        from workbench.nlp.pipeline import load_pipeline

        _pipeline = None  # one model in memory at a time
        progress(0, 0, "Loading the English language model…")
        _pipeline = (preferred, load_pipeline(preferred))
    return _pipeline[1]


def import_files(state, project: Path, paths: list[Path], columns: ColumnChoice) -> ImportReport:
    from workbench.services.importing import import_paths

    return import_paths(
        lane_store(state, project), paths, columns=columns, progress=state.progress, cancelled=state.cancelled
    )


def read_table_preview(state, path: Path) -> TablePreview:
    from workbench.services.importing import preview_table

    state.progress(0, 0, f"Reading {path.name}…")
    return preview_table(path)


def export(state, project: Path, out: Path, options: dict) -> ExportResult:
    """`options` as for `export_dataset` (format, selection, raw, per_mention, analyst)."""
    from workbench.core.processes import process_pool
    from workbench.services.exporting import export_dataset

    state.progress(0, 1, f"Exporting to {out.name}…")
    if options.get("format", "csv") == "csv" and not options.get("per_mention"):
        return export_dataset(lane_store(state, project), out, **options)  # its rows are read in other processes
    # NOTE: the other formats are built in pandas and pure Python. On a thread here a large
    # one held the interpreter for seconds and left its garbage to the GUI thread's
    # collector (10k claims as xlsx: the window stalled up to 0.26 s, again and again).
    with process_pool(1) as pool:
        return pool.submit(_export_in_process, project, out, options).result()


def _export_in_process(project: Path, out: Path, options: dict) -> ExportResult:
    from workbench.services.exporting import export_dataset

    store = ProjectStore.open(project, create=False)
    try:
        return export_dataset(store, out, **options)
    finally:
        store.close()


def plan_annotations(state, project: Path, path: Path, raw: bool | None) -> AnnotationImportPlan | None:
    """Read and place the annotations; the GUI thread then applies the plan on its session."""
    from workbench.services.annotation_import import plan_annotation_import

    return plan_annotation_import(
        lane_store(state, project), path, raw=raw, progress=state.progress, cancelled=state.cancelled
    )


def find_claims(
    state, project: Path, filters: dict, order: tuple[str, bool] | None
) -> tuple[list, int, tuple | None, dict[int, str]]:
    """The claims matching `filters` (as for ProjectStore.find_claims) in `order` (column,
    descending), how many the project holds, `order`, and the titles of the articles that
    hold claims (70k of them take 66 ms to read: here, not on the GUI thread)."""
    store = lane_store(state, project)
    claims = store.find_claims(**filters)
    titles = store.titles_of_claimed_articles()
    if order:
        claims = sort_claims(state, claims, (order[0], titles, order[1]))
    return claims, store.count_claims(), order, titles


def count_claims_by(state, project: Path, by: str, split: str | None, listed) -> list[tuple[str, int | None, str, int]]:
    """The claims counted by `by` and `split` (as for ProjectStore.count_claims_by)."""
    return lane_store(state, project).count_claims_by(by, split, listed=listed)


def sort_claims(state, claims: list, order: tuple[str, dict[int, str], bool]) -> list:
    """`claims` sorted by `order`: (column, article titles, descending)."""
    from workbench.qt.models.claim_table import sorted_claims

    return sorted_claims(claims, *order)


def close_lane(local: dict) -> None:
    store = local.pop("store", None)
    if store is not None:
        store.close()
