"""The `workbench` command: the GUI, and the same work from a terminal.

    workbench [PROJECT] [--screenshot FILE.png]
    workbench import PATH... --project P [--text-column C] [--title-column T] [--date-column D]
    workbench analyze --project P [--pipeline NAME]
    workbench suggest --project P --out FILE.jsonl [--pipeline NAME]
    workbench articles --project P --out FILE.csv
    workbench entities --project P --out FILE.csv
    workbench export --project P --out FILE [--format F] [--raw] [--per-mention] [filters]
    workbench import-annotations FILE --project P [--format F] [--raw] [--dry-run]

A failure prints one line and exits non-zero; a traceback goes to the log file only.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import traceback
from pathlib import Path

from workbench import __version__
from workbench.core.errors import WorkbenchError
from workbench.core.text import counted

COMMANDS = (
    "import",
    "analyze",
    "suggest",
    "articles",
    "entities",
    "export",
    "import-annotations",
    "count-claims",
    "agreement",
    "remove",
)
EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    sys.unraisablehook = _log_unraisable
    try:
        if argv and argv[0] in COMMANDS:
            args = _command_parser().parse_args(argv)
            return args.run(args)
        args = _gui_parser().parse_args(argv)
        from workbench.qt.app import run_gui  # NOTE: lazy: the commands above never load Qt

        return run_gui(args.project, screenshot=args.screenshot, exit_when_shown=args.exit_when_shown)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        # NOTE: what was committed is safe and the rest rolled back. Exit now: at a normal
        # exit Python would wait for the queues of helper processes stopped midway (spaCy's),
        # which never empty.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    except BrokenPipeError:
        # The reader of our output went away (`workbench import … | head`): not an error.
        # NOTE: point stdout at devnull so the interpreter's final flush does not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 — the last line of defence: no traceback on screen
        log = _log_traceback()
        if problem := _database_problem(exc):
            print(f"workbench: error: {problem}", file=sys.stderr)
            return EXIT_ERROR
        print(f"workbench: unexpected error: {type(exc).__name__}: {exc} (details in {log})", file=sys.stderr)
        return EXIT_ERROR


def _database_problem(exc: Exception) -> str | None:
    """A full disk, a read-only, locked or damaged project, said as such."""
    import sqlite3

    from workbench.store.project_store import database_problem

    return database_problem(exc) if isinstance(exc, sqlite3.Error) else None


class _Parser(argparse.ArgumentParser):
    """A mistyped command line is an error like any other: one line, exit status 1 (2 says
    that some files failed)."""

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"workbench: error: {message} (see {self.prog} --help)\n")


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench",
        description="Analyst Workbench: read news articles with their named entities highlighted "
        "and annotate the claims in them. Commands: " + ", ".join(COMMANDS) + " (workbench COMMAND --help).",
    )
    parser.add_argument("project", nargs="?", type=Path, help="project file to open (default: your default project)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="render the main window to a PNG and exit")
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="quit as soon as the window is shown with its article list filled, printing 'shown N' "
        "(N: rows in the list) — for start-up benchmarks",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    from workbench.core.breakdown import FIELDS, SPLITS
    from workbench.services.annotation_import import IMPORT_FORMATS
    from workbench.services.exporting import FORMATS

    parser = _Parser(prog="workbench")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--project", "-p", type=Path, required=True, help="project file (created when missing)")
        sub.set_defaults(run=run)
        return sub

    sub = command(
        "import",
        _run_import,
        "Import articles into the project: text (.txt, .md), HTML pages (.html, .htm, .mhtml), e-mails "
        "(.eml), news feeds (.rss, .atom, .xml), Word documents (.docx, .odt), PDFs (.pdf), tables with one article per row (.csv, .tsv, "
        ".jsonl, .json, .xlsx), folders of them and .zip archives.",
    )
    sub.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    for role in ("text", "title", "date"):
        sub.add_argument(
            f"--{role}-column",
            metavar="COLUMN",
            help=f"the column (or JSON field) of tables holding each article's {role} (default: found by its name)",
        )
    sub = command(
        "remove",
        _run_remove,
        "Remove articles from the project, with their entity mentions, claims and suggestions.",
    )
    sub.add_argument(
        "ids", nargs="+", type=int, metavar="ID", help="article ids (the article_id column of `workbench articles`)"
    )
    sub = command("analyze", _run_analyze, "Find named entities in every article not analysed yet.")
    sub.add_argument("--pipeline", help="spaCy pipeline name or path (default: the installed English one)")
    sub.add_argument(
        "--processes",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="spaCy processes for 200 articles or more (default: 2 on two cores or more, else 1)",
    )
    sub = command("suggest", _run_suggest, "Find attributed statements to propose as claims; write them as JSON Lines.")
    sub.add_argument("--out", "-o", type=Path, required=True, metavar="FILE.jsonl")
    sub.add_argument("--pipeline", help="spaCy pipeline name or path (default: the installed English one)")
    for name, help in (
        ("articles", "Write one CSV row per article."),
        ("entities", "Write one CSV row per entity mention."),
        ("export", "Write the claims: CSV (one row per claim), xlsx, JSON Lines, spaCy DocBin or W3C JSON-LD."),
    ):
        sub = command(name, _run_table, help)
        sub.add_argument("--out", "-o", type=Path, required=True, metavar="FILE")
        sub.add_argument("--raw", action="store_true", help="write values exactly, without spreadsheet protection")
        _add_filters(sub)
    sub.add_argument(
        "--format", "-f", choices=FORMATS, help="file format (default: from the file name's ending, else csv)"
    )
    sub.add_argument("--per-mention", action="store_true", help="csv: one row per entity mention inside a claim")
    sub = command(
        "import-annotations",
        _run_import_annotations,
        "Add the claims in a csv, jsonl or w3c file (an export of this or another project, or a claims table "
        "written by hand) to the project's articles with the same text.",
    )
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--format", "-f", choices=IMPORT_FORMATS, help="file format (default: from the file name)")
    sub.add_argument("--raw", action="store_true", help="csv: take cells exactly, even if they look spreadsheet-safe")
    sub.add_argument("--dry-run", action="store_true", help="report what would be imported, change nothing")
    sub = command(
        "count-claims",
        _run_count_claims,
        "Count the claims by category, source (by actor), stance or status, split by another of those: a table.",
    )
    sub.add_argument("--by", choices=FIELDS, default="category", help="what a row counts (default: category)")
    sub.add_argument(
        "--split",
        choices=(*SPLITS, "nothing"),
        default="status",
        help="what a column counts (default: status; nothing: the totals only)",
    )
    sub = command(
        "agreement",
        _run_agreement,
        "How far the project's analysts agree on the articles they all made claims in: the claims they "
        "marked (span F1) and the category, stance, status and source they gave them (share, Cohen's kappa, "
        "Krippendorff's alpha, Gwet's AC1).",
    )
    sub.add_argument("--out", "-o", type=Path, metavar="FILE.csv", help="also write the figures as CSV")
    sub.add_argument("--raw", action="store_true", help="write values exactly, without spreadsheet protection")
    return parser


def _add_filters(sub: argparse.ArgumentParser) -> None:
    def names(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    def ids(text: str) -> list[int]:
        try:
            return [int(part) for part in names(text)]
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a list of article ids: {text}") from None

    limit = sub.add_argument_group("limit the export (each option repeatable or comma-separated)")
    limit.add_argument("--article", type=ids, action="extend", default=[], metavar="ID", help="article ids")
    limit.add_argument("--category", type=names, action="extend", default=[], metavar="NAME")
    limit.add_argument("--status", type=names, action="extend", default=[], metavar="NAME")
    limit.add_argument("--analyst", type=names, action="extend", default=[], metavar="NAME", help="who made the claim")


def _open(args):
    from workbench.services.projects import open_session

    session, _ = open_session(args.project)
    return session


def _open_as_analyst(args):
    """The project, worked on by the analyst of the settings (else the login name)."""
    from workbench.services.settings import default_analyst, load_settings

    session = _open(args)
    session.analyst = load_settings().analyst or default_analyst()
    return session


def _run_import(args) -> int:
    from workbench.ingest.tables import ColumnChoice
    from workbench.services.importing import import_paths

    session = _open(args)
    columns = ColumnChoice(text=args.text_column, title=args.title_column, date=args.date_column)
    if problem := columns.problem():
        raise WorkbenchError(problem)
    with _TerminalProgress() as bar, _StopOnInterrupt() as stop:
        report = import_paths(session.store, args.paths, columns=columns, progress=bar.update, cancelled=stop.is_set)
    print("\n".join(report.lines()))
    if report.tables_without_text_column:
        print("Name the column that holds the text with --text-column COLUMN.")
    return EXIT_PARTIAL if report.failed or report.cancelled else EXIT_OK


def _run_analyze(args) -> int:
    from workbench.nlp.pipeline import load_pipeline
    from workbench.services.analysis import analyse_articles, nothing_to_analyse

    session = _open(args)
    done = nothing_to_analyse(session.store, args.pipeline, suggestions=False)
    if done is not None:
        report = done[0]
    else:
        pipeline = load_pipeline(args.pipeline)
        with _TerminalProgress() as bar:
            report = analyse_articles(session.store, pipeline, progress=bar.update, processes=max(1, args.processes))
    print(report.summary())
    return EXIT_OK


def _run_suggest(args) -> int:
    from workbench.nlp.pipeline import load_pipeline
    from workbench.services.analysis import suggest_claims
    from workbench.services.exporting import export_suggestions_jsonl

    _check_destination(args.out)
    session = _open(args)
    pipeline = load_pipeline(args.pipeline)
    with _TerminalProgress() as bar:
        report = suggest_claims(session.store, pipeline, progress=bar.update)
    rows = export_suggestions_jsonl(session.store, args.out)
    print(report.summary())
    print(f"Wrote {counted(rows, 'suggestion')} to {args.out}")
    return EXIT_OK


def _run_table(args) -> int:
    from workbench.services import exporting

    _check_destination(args.out)
    if args.command != "export" and exporting.export_format(args.out) != "csv":
        raise WorkbenchError(f"{args.command} are written as CSV: name the file {args.out.stem}.csv.")
    session = _open_as_analyst(args)
    selection = exporting.ExportFilter(
        frozenset(args.article), frozenset(args.category), frozenset(args.status), frozenset(args.analyst)
    )
    if args.command == "export":
        result = exporting.export_dataset(
            session.store,
            args.out,
            format=exporting.export_format(args.out, args.format),
            selection=selection,
            raw=args.raw,
            per_mention=args.per_mention,
            analyst=session.analyst,
        )
        print(result.message())
        return EXIT_OK
    write = {"articles": exporting.export_articles_csv, "entities": exporting.export_entities_csv}[args.command]
    rows = write(session.store, args.out, raw=args.raw, selection=selection)
    print(f"Wrote {counted(rows, 'row')} to {args.out}")
    return EXIT_OK


def _run_import_annotations(args) -> int:
    from workbench.services.annotation_import import apply_annotation_import, plan_annotation_import

    session = _open_as_analyst(args)
    with _TerminalProgress() as bar:
        plan = plan_annotation_import(
            session.store, args.file, format=args.format, raw=True if args.raw else None, progress=bar.update
        )
    if not args.dry_run:
        apply_annotation_import(session, plan)
    if args.dry_run:
        print("Dry run: nothing was changed. The import would give:")
    print("\n".join(plan.report.lines()))
    return EXIT_PARTIAL if plan.report.not_placed else EXIT_OK


def _run_remove(args) -> int:
    if not args.project.is_file():
        print(f"workbench: error: no project at {args.project}", file=sys.stderr)
        return EXIT_ERROR
    session = _open_as_analyst(args)
    ids = sorted(set(args.ids))
    present = {summary.id for summary in session.store.article_summaries(ids)}
    missing = [str(i) for i in ids if i not in present]
    if missing:
        print(f"workbench: error: the project has no article {', '.join(missing)}: nothing removed", file=sys.stderr)
        return EXIT_ERROR
    claims = session.store.count_claims(ids)
    session.remove_articles(article_ids=ids)
    print(
        f"Removed {counted(len(ids), 'article')}" + (f" and the {counted(claims, 'claim')} on them" if claims else "")
    )
    return EXIT_OK


def _run_count_claims(args) -> int:
    from workbench.core.breakdown import breakdown, table_lines

    split = None if args.split == "nothing" else args.split
    if split == args.by:
        raise WorkbenchError(f"--split {split}: the rows already count the claims by {split}")
    session = _open(args)
    counts = breakdown(session.store.count_claims_by(args.by, split), args.by, split, session.schema, most=2**31)
    if not counts.claims:
        print("No claims in the project.")
        return EXIT_OK
    print("\n".join(table_lines(counts)))
    return EXIT_OK


def _run_agreement(args) -> int:
    from workbench.services import agreement

    if args.out is not None:
        _check_destination(args.out)
    session = _open(args)
    results = agreement.agreement_report(session.store)
    if not results:
        print(agreement.not_enough_message(session.store))
        return EXIT_OK
    print("\n".join(agreement.report_lines(results)))
    if args.out is not None:
        rows = agreement.write_agreement_csv(args.out, results, raw=args.raw)
        print(f"\nWrote {counted(rows, 'row')} to {args.out}")
    return EXIT_OK


def _check_destination(out: Path) -> None:
    """Refuse a bad destination before the project is touched."""
    from workbench.export.safety import destination_problem

    problem = destination_problem(out)
    if problem:
        raise WorkbenchError(problem)


class _TerminalProgress:
    """A one-line progress bar on a terminal; silent when output is redirected."""

    WIDTH = 30

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()

    def __enter__(self):
        return self

    def update(self, done: int, total: int, message: str) -> None:
        if not self.active or total <= 0:
            return
        filled = int(self.WIDTH * done / total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {100 * done // total:3d}% {message[:60]:<60}")
        sys.stderr.flush()

    def __exit__(self, *exc) -> None:
        if self.active:
            sys.stderr.write("\r" + " " * (self.WIDTH + 70) + "\r")
            sys.stderr.flush()


class _StopOnInterrupt:
    """The first Ctrl+C asks the work to stop cleanly (it then reports what it did); a
    second one interrupts at once."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._previous = None

    def __enter__(self) -> threading.Event:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self._stop

    def _on_interrupt(self, _signal, _frame) -> None:
        if self._stop.is_set():
            raise KeyboardInterrupt
        self._stop.set()
        sys.stderr.write("\nStopping: the file in hand is left out whole (Ctrl+C again to stop at once)\n")

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _log_traceback(text: str | None = None) -> Path:
    from workbench.services.settings import data_dir

    log = data_dir() / "workbench.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write((text or traceback.format_exc()) + "\n")
    except OSError:
        pass
    return log


def _log_unraisable(unraisable) -> None:
    """An error Python can only report, in a finaliser (a library's half-written zip file
    closed on a full disk): to the log, not as a traceback on the terminal."""
    lines = traceback.format_exception(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)
    _log_traceback(f"ignored in {unraisable.object!r}:\n" + "".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
