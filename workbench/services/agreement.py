"""Agreement between the analysts of a project: the report, as rows and as a CSV file.

Analysts who work apart (each in a copy of the project, their claims brought together with
Import Annotations) see here how far they marked the same statements and gave them the same
category, stance, status and source. Two sources are the same when they are one actor
(Project → Actors merges "Choe Son Hui" and "Chloe Son Hui").
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

from workbench.core.agreement import MIN_OVERLAP, UNNAMED, PairAgreement, analysts_agreement
from workbench.core.text import counted
from workbench.export.safety import neutralise, write_atomically
from workbench.store import ProjectStore

COLUMNS = (
    "first_analyst",
    "second_analyst",
    "articles",
    "measure",
    "compared",
    "agreement",
    "cohen_kappa",
    "krippendorff_alpha",
    "gwet_ac1",
    "detail",
)
NOT_ENOUGH = (
    "Agreement compares the claims of two analysts or more in the same articles; {found}. Bring another "
    "analyst's claims in with Import Annotations (their export of the same articles)."
)


def agreement_report(store: ProjectStore) -> list[PairAgreement]:
    """Every pair of the project's analysts, compared over the articles both made claims in."""
    actors = {alias.casefold(): actor.id for actor in store.actors() for alias in actor.aliases}

    def source_key(name: str):
        folded = " ".join(name.split()).casefold()
        return actors.get(folded, folded)

    schema = store.schema()
    scales = {"category": schema.category_names, "stance": schema.stances, "status": schema.statuses}
    return analysts_agreement(store.claims(), source_key, scales)


def not_enough_message(store: ProjectStore) -> str:
    names = sorted({claim.analyst or UNNAMED for claim in store.claims()}, key=str.casefold)
    if not names:
        found = "this project has no claims"
    elif len(names) == 1:
        found = f"this project has claims by {names[0]} only"
    else:
        found = f"{', '.join(names[:-1])} and {names[-1]} made claims in no article in common"
    return NOT_ENOUGH.format(found=found)


def agreement_rows(results: list[PairAgreement]) -> Iterator[tuple]:
    """One row per pair and measure (COLUMNS): the spans first, then each field. For spans
    "agreement" is the F1 of the pairing, for fields the share of paired claims that agree."""
    for pair in results:
        common = (pair.first, pair.second, pair.articles)
        yield (
            *common,
            "spans",
            pair.first_claims + pair.second_claims,
            pair.span_f1,
            None,
            None,
            None,
            f"{counted(pair.paired, 'pair')} ({pair.exact} of the very same span) of "
            f"{counted(pair.first_claims, 'claim')} by {pair.first} and {pair.second_claims} by {pair.second}",
        )
        for field in pair.fields:
            yield (
                *common,
                field.field,
                field.compared,
                field.share,
                field.kappa,
                field.alpha,
                field.ac1,
                f"{field.agreed} of {counted(field.compared, 'paired claim')} agree",
            )


def report_lines(results: list[PairAgreement]) -> list[str]:
    """The report as a person reads it in a terminal."""
    lines = [f"Claims are paired when they share {MIN_OVERLAP:.0%} or more of the text they cover."]
    for pair in results:
        lines.append("")
        lines.append(
            f"{pair.first} and {pair.second}: {counted(pair.articles, 'article')} "
            "both made claims in; "
            f"{pair.first_claims} and {counted(pair.second_claims, 'claim')}, {pair.paired} paired "
            f"(span F1 {_number(pair.span_f1)}; {pair.exact} of the very same span)"
        )
        for field in pair.fields:
            lines.append(
                f"  {field.field:<9} {_percent(field.share):>5} agree of {field.compared:>4}   "
                f"κ {_number(field.kappa):>5}   α {_number(field.alpha):>5}   AC1 {_number(field.ac1):>5}"
            )
    return lines


def write_agreement_csv(path: str | os.PathLike, results: list[PairAgreement], *, raw: bool = False) -> int:
    """Write the rows to a CSV file (analysts' names spreadsheet-safe unless `raw`); returns
    how many. The file is replaced only by a complete one."""
    rows = list(agreement_rows(results))

    def write(tmp) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(COLUMNS)
            for row in rows:
                out.writerow(["" if v is None else _cell(v, raw) for v in row])

    write_atomically(path, write)
    return len(rows)


def _cell(value, raw: bool):
    if isinstance(value, float):
        return f"{value:.4f}"
    return value if raw else neutralise(value)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"
