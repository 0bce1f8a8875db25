"""Claims and their history. Every write of a claim records who, when, before and after,
in the same transaction as the write itself."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import partial
from itertools import pairwise
from pathlib import Path

from workbench.core.breakdown import FIELDS, SPLITS
from workbench.core.cells import LIST_SEPARATOR, join_list
from workbench.core.errors import WorkbenchError
from workbench.core.model import Claim, HistoryEntry, ListFilter
from workbench.core.processes import process_pool
from workbench.core.search import comparable
from workbench.store.article_list import listed_ids

# What an analyst edits, in the order of _annotation().
_ANNOTATION_COLUMNS = ("category", "source", "stance", "status", "tags", "note", "source_start", "source_end")
_ANNOTATION_ASSIGNMENTS = ", ".join(f"{c} = ?" for c in _ANNOTATION_COLUMNS)
_COLUMNS = f"id, article_id, start, end, quote, {', '.join(_ANNOTATION_COLUMNS)}, created_at, updated_at, analyst"
_PLACEHOLDERS = ", ".join("?" * len(_COLUMNS.split(",")))
_SEARCHED = [[c.strip() for c in _COLUMNS.split(",")].index(c) for c in ("quote", "source", "note")]


def _in_listed(listed: ListFilter | None, column: str = "article_id") -> tuple[list[str], list]:
    """The condition keeping the claims of the articles the list's filter keeps (none
    without a filter), and its parameters."""
    if not listed:
        return [], []
    sql, params = listed_ids(listed)
    return [f"{column} IN ({sql})"], list(params)


def _joined(value: str) -> str:
    """SQL for one value of a list cell as core.cells.join_list writes it: `;` and `\\`
    escaped (tests hold the two side by side)."""
    return f"replace(replace({value}, '\\', '\\\\'), ';', '\\;')"


def _joined_json_list(values: str) -> str:
    """A JSON list as one cell: for the lists SQLite's JSON functions cannot read whole
    (they end a string at a NUL character)."""
    return join_list(json.loads(values))


PARALLEL_FROM = 20_000  # claims from which reading a table in two processes pays for starting them
_MENTION = "text || '|' || label"
# The claims table of the exports, one row per claim, as SQL over claims c and articles a:
# (column, expression, holds text). Mentions inside a claim are listed in text order: by
# start, then id (the order of the index on start: no sort), as they are stored in it.
CLAIM_TABLE: tuple[tuple[str, str, bool], ...] = (
    ("claim_id", "c.id", False),
    ("article_id", "c.article_id", False),
    ("article_title", "a.title", True),
    ("article_date", "coalesce(a.date, '')", True),
    ("source_file", "a.source_file", True),
    ("article_hash", "a.text_hash", True),
    ("start", "c.start", False),
    ("end", "c.end", False),
    ("quote", "c.quote", True),
    ("category", "c.category", True),
    ("source", "c.source", True),
    ("stance", "c.stance", True),
    ("status", "c.status", True),
    (
        "tags",
        "CASE WHEN c.tags = '[]' THEN '' WHEN instr(c.tags, '\\u0000') THEN joined_json_list(c.tags)"
        f" ELSE (SELECT group_concat({_joined('value')}, '{LIST_SEPARATOR}') FROM json_each(c.tags)) END",
        True,
    ),
    ("note", "c.note", True),
    (
        "entities",
        f"(SELECT coalesce(group_concat({_joined(_MENTION)}, '{LIST_SEPARATOR}'), '') FROM"
        " (SELECT e.text, e.label FROM entities e WHERE e.article_id = c.article_id"
        "  AND e.start >= c.start AND e.start < c.end AND e.end <= c.end ORDER BY e.start, e.id))",
        True,
    ),
    ("created_at", "c.created_at", True),
    ("updated_at", "c.updated_at", True),
    ("analyst", "c.analyst", True),
    ("source_start", "c.source_start", False),
    ("source_end", "c.source_end", False),
)


@dataclass(frozen=True)
class ClaimTableQuery:
    """Which claims a table holds: empty means every one. A claim's analyst is
    `default_analyst` when it records none."""

    article_ids: frozenset[int] = frozenset()
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    analysts: frozenset[str] = frozenset()
    default_analyst: str = ""

    def where(self) -> tuple[list[str], list]:
        """SQL conditions on claims c, and their parameters."""
        where, params = [], []
        for column, column_params, values in (
            ("c.article_id", (), self.article_ids),
            ("c.category", (), self.categories),
            ("c.status", (), self.statuses),
            ("coalesce(nullif(c.analyst, ''), ?)", (self.default_analyst,), self.analysts),
        ):
            if values:
                where.append(f"{column} IN (SELECT value FROM json_each(?))")
                params += [*column_params, json.dumps(sorted(values))]
        return where, params


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ClaimStore:
    """Mixed into ProjectStore: needs `_db`, `transaction()` and `analyst`."""

    def insert_claim(self, claim: Claim, *, action: str = "created") -> Claim:
        """Store a claim; a claim that has an id keeps it (redo, restore). Missing timestamps
        and analyst are filled in. Returns the stored claim."""
        stamp = now()
        with self.transaction() as db:
            cursor = db.execute(
                f"INSERT INTO claims({_COLUMNS}) VALUES ({_PLACEHOLDERS})",
                (
                    claim.id,
                    claim.article_id,
                    claim.start,
                    claim.end,
                    claim.quote,
                    *_annotation(claim),
                    claim.created_at or stamp,
                    claim.updated_at or stamp,
                    claim.analyst or self.analyst,
                ),
            )
            stored = self.claim(cursor.lastrowid)
            self._record(action, None, stored)
        return stored

    def update_claim(self, claim: Claim, *, touch: bool = True, action: str = "edited") -> Claim:
        """Write the claim's annotation fields; `updated_at` becomes now unless `touch` is
        False (undo restores the earlier timestamp too). Returns the stored claim."""
        with self.transaction() as db:
            before = self.claim(claim.id)
            if before is None:
                raise WorkbenchError(f"Claim {claim.id} no longer exists (deleted, perhaps in another window).")
            db.execute(
                f"UPDATE claims SET {_ANNOTATION_ASSIGNMENTS}, updated_at = ? WHERE id = ?",
                (*_annotation(claim), now() if touch else claim.updated_at, claim.id),
            )
            after = self.claim(claim.id)
            self._record(action, before, after)
        return after

    def delete_claim(self, claim_id: int, *, action: str = "deleted") -> None:
        with self.transaction() as db:
            before = self.claim(claim_id)
            db.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            if before is not None:
                self._record(action, before, None)

    def claim(self, claim_id: int) -> Claim | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return _claim(row) if row else None

    def count_claims(self, article_ids: Iterable[int] | None = None) -> int:
        """Claims in the project, or in those articles."""
        if article_ids is None:
            return self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return self._db.execute(
            "SELECT count(*) FROM claims WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(article_ids))),),
        ).fetchone()[0]

    def count_claims_by(
        self, by: str, split: str | None, *, listed: ListFilter | None = None
    ) -> list[tuple[str, int | None, str, int]]:
        """Claims (of the articles the list's filter keeps, with `listed`) counted by the
        value of field `by` and of field `split` (or of `by` alone): rows (value, actor id,
        split value or "", claims). A source is counted under the actor it is a name of (the
        actor's id and name), else under itself."""
        if by not in FIELDS or (split is not None and split not in SPLITS) or split == by:
            raise ValueError(f"cannot count claims by {by} and {split}")
        part = f"c.{split}" if split else "''"
        where, params = _in_listed(listed, "c.article_id")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        if by != "source":
            sql = f"SELECT c.{by}, NULL, {part}, count(*) FROM claims c{clause} GROUP BY 1, 3"
            return self._db.execute(sql, params).fetchall()
        return self._db.execute(
            f"SELECT coalesce(a.name, c.source), a.id, {part}, count(*) FROM claims c"
            " LEFT JOIN actor_aliases n ON n.alias = c.source COLLATE NOCASE LEFT JOIN actors a ON a.id = n.actor_id"
            f"{clause} GROUP BY 1, 2, 3",
            params,
        ).fetchall()

    def titles_of_claimed_articles(self) -> dict[int, str]:
        """Id → title of each article holding a claim, in import order."""
        # NOTE: EXISTS lets SQLite read titles from the covering index articles_by_id; IN
        # looked each article up in its table row, beside its text (100k claims: 178 ms, now 59)
        rows = self._db.execute(
            "SELECT a.id, a.title FROM articles a"
            " WHERE EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id) ORDER BY a.id"
        )
        return dict(rows)

    def claims(self, article_id: int | None = None) -> list[Claim]:
        if article_id is None:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM claims ORDER BY article_id, start, end, id")
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM claims WHERE article_id = ? ORDER BY start, end, id", (article_id,)
            )
        return [_claim(row) for row in rows]

    def claim_table_lines(self, line: str, query: ClaimTableQuery, *, processes: int = 2) -> Iterator[tuple[int, str]]:
        """`line` — an SQL expression over the columns of CLAIM_TABLE — for every claim the
        query selects, in article and text order: batches of (number of claims, their lines).

        A large table is read in ranges of articles by `processes` processes at once, each
        on a read-only connection of its own (measured: two threads take as long as one,
        two processes about half). Each range is read in one transaction; an article's
        claims are always in one range.
        """
        where, params = query.where()
        clause = "".join(" AND " + w for w in where)
        fields = ", ".join(f'{expression} AS "{name}"' for name, expression, _ in CLAIM_TABLE)
        sql = (
            f"WITH t AS MATERIALIZED (SELECT {fields} FROM claims c"
            " JOIN articles a INDEXED BY articles_by_id ON a.id = c.article_id"  # NOTE: covering: no article text read
            f" WHERE c.article_id >= ? AND c.article_id < ?{clause})"
            f' SELECT {line} FROM t ORDER BY article_id, start, "end", claim_id'
        )  # NOTE: materialised, so the lists in a row are built once however often `line` uses them
        ids = [
            row[0] for row in self._db.execute(f"SELECT c.article_id FROM claims c WHERE 1{clause} ORDER BY 1", params)
        ]
        parallel = processes > 1 and len(ids) >= PARALLEL_FROM
        ranges = pairwise(_cut(ids, 4 * processes if parallel else 1))
        read = partial(_read_lines, os.fspath(self.path), sql, params)
        if not parallel:
            yield from map(read, ranges)
            return
        with process_pool(processes) as pool:
            yield from pool.map(read, ranges)

    def find_claims(
        self,
        *,
        article_id: int | None = None,
        category: str | None = None,
        stance: str | None = None,
        status: str | None = None,
        sources: list[str] | None = None,
        text: str | None = None,
        listed: ListFilter | None = None,
    ) -> list[Claim]:
        """Claims matching every filter given: `sources` are names (case-insensitive, e.g. an
        actor's aliases); `text` is searched in quote, source and note; `listed` keeps the
        claims of the articles the article list's filter keeps."""
        where, params = _in_listed(listed)
        for column, value in (
            ("article_id", article_id),
            ("category", category),
            ("stance", stance),
            ("status", status),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if sources is not None:
            where.append(f"source COLLATE NOCASE IN ({','.join('?' * len(sources))})")
            params.extend(sources)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM claims{clause} ORDER BY article_id, start, end, id", params)
        if text:
            # NOTE: in Python, not SQL: SQLite's lower() folds ASCII only ("Über" never
            # found "über"), and text in decomposed form needs composing first.
            needle = comparable(text)
            rows = (row for row in rows if any(needle in comparable(row[i]) for i in _SEARCHED))
        return list(map(_claim, rows))

    def history(self, claim_id: int) -> list[HistoryEntry]:
        """Every recorded change of the claim, oldest first."""
        rows = self._db.execute(
            "SELECT claim_id, article_id, at, analyst, action, before, after FROM claim_history"
            " WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], _from_json(r[5]), _from_json(r[6])) for r in rows]

    def _record(self, action: str, before: Claim | None, after: Claim | None) -> None:
        claim = after or before
        self._db.execute(
            "INSERT INTO claim_history(claim_id, article_id, at, analyst, action, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (claim.id, claim.article_id, now(), self.analyst, action, _to_json(before), _to_json(after)),
        )


def _annotation(claim: Claim) -> tuple:
    return (
        claim.category,
        claim.source,
        claim.stance,
        claim.status,
        json.dumps(list(claim.tags), ensure_ascii=False),
        claim.note,
        claim.source_start,
        claim.source_end,
    )


def _claim(row) -> Claim:
    return Claim(
        id=row[0],
        article_id=row[1],
        start=row[2],
        end=row[3],
        quote=row[4],
        category=row[5],
        source=row[6],
        stance=row[7],
        status=row[8],
        tags=() if row[9] == "[]" else tuple(json.loads(row[9])),
        note=row[10],
        source_start=row[11],
        source_end=row[12],
        created_at=row[13],
        updated_at=row[14],
        analyst=row[15],
    )


def _to_json(claim: Claim | None) -> str | None:
    if claim is None:
        return None
    return json.dumps({f.name: getattr(claim, f.name) for f in fields(claim)}, ensure_ascii=False)


def _from_json(text: str | None) -> Claim | None:
    if text is None:
        return None
    data = json.loads(text)
    data["tags"] = tuple(data.get("tags", ()))
    known = {f.name for f in fields(Claim)}
    return Claim(**{k: v for k, v in data.items() if k in known})


def _cut(ids: list[int], parts: int) -> list[int]:
    """Article ids cutting sorted `ids` into about `parts` ranges of as many ids each:
    range k is bounds[k] <= article id < bounds[k + 1]."""
    if not ids:
        return []
    step = max(1, len(ids) // parts)
    return sorted({*ids[::step], ids[-1] + 1})


def _read_lines(path: str, sql: str, params: list, low_high: tuple[int, int]) -> tuple[int, str]:
    """One range of a claims table (see claim_table_lines): run in another process."""
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    db.create_function("joined_json_list", 1, _joined_json_list, deterministic=True)
    try:
        lines = [row[0] for row in db.execute(sql, (*low_high, *params))]
        return len(lines), "".join(lines)
    finally:
        db.close()
