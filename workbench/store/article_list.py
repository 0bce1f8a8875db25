"""The article list at any corpus size: how many articles a filter keeps, their ids a page
at a time (keyset pagination: the page after the last id shown), and all of them in a sort
order — without reading any article's text.

A filter is the words typed (each must start a word of the title or text: the full-text
index answers; a word of Chinese, Japanese, Thai… anywhere in them), an entity (text,
label) the articles must mention, and/or a period their date falls in: (first, after),
ISO date prefixes, first included ("2024-03", "2024-04": March 2024).
"""

from __future__ import annotations

from bisect import bisect_right

from workbench.core.model import ListFilter
from workbench.core.search import is_unspaced

SORT_KEYS = ("title", "date", "source", "entities", "claims")
Period = tuple[str, str]
# The ids of the articles dated in a period, from the index by date.
_IN_PERIOD = "SELECT id FROM articles INDEXED BY articles_by_date WHERE date >= ? AND date < ?"

# key → (SQL of (id, sort value) over articles `a`, Python sort key of that value)
_SORTS = {
    "title": ("SELECT a.id, a.title FROM articles a", str.casefold),
    "date": ("SELECT a.id, coalesce(a.date, '') FROM articles a", None),
    "source": ("SELECT a.id, a.source_file FROM articles a", str.casefold),
    "entities": (
        "SELECT a.id, coalesce(an.entity_count, 0) FROM articles a LEFT JOIN analyses an ON an.article_id = a.id",
        None,
    ),
    "claims": (
        "SELECT a.id, coalesce(c.n, 0) FROM articles a"
        " LEFT JOIN (SELECT article_id, count(*) AS n FROM claims GROUP BY article_id) c ON c.article_id = a.id",
        None,
    ),
}


class ArticleListStore:
    """Mixed into ProjectStore: needs `_db` and `data_version()`."""

    def count_articles(
        self, *, words: str = "", entity: tuple[str, str] | None = None, period: Period | None = None
    ) -> int:
        """How many articles the filter keeps (all of them without one)."""
        if (scanned := self._scanned_ids(words, entity, period)) is not None:
            return len(scanned)
        found = _found_by_words(words, entity, period)
        if found is None and entity is None:
            if period is not None:
                return self._db.execute(f"SELECT count(*) FROM ({_IN_PERIOD})", period).fetchone()[0]
            return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if found is None:
            dated, params = _dated("article_id", period)
            return self._db.execute(
                f"SELECT count(DISTINCT article_id) FROM entities WHERE text = ? AND label = ?{dated}",
                (*entity, *params),
            ).fetchone()[0]
        where, params = found
        return self._db.execute(f"SELECT count(*) FROM articles_fts WHERE {where}", params).fetchone()[0]

    def article_ids_after(
        self,
        after: int,
        limit: int,
        *,
        until: int | None = None,
        words: str = "",
        entity: tuple[str, str] | None = None,
        period: Period | None = None,
    ) -> list[int]:
        """Up to `limit` ids the filter keeps, greater than `after` (and at most `until`),
        in id order — the next page of the list in import order."""
        upto = 2**62 if until is None else until
        if (scanned := self._scanned_ids(words, entity, period)) is not None:
            start = bisect_right(scanned, after)
            return [i for i in scanned[start : start + limit] if i <= upto]
        found = _found_by_words(words, entity, period)
        if found is None and entity is None:
            dated, params = _dated("id", period)
            rows = self._db.execute(
                "SELECT id FROM articles INDEXED BY articles_by_id WHERE id > ? AND id <= ?"
                f"{dated} ORDER BY id LIMIT ?",
                (after, upto, *params, limit),
            )
        elif found is None:
            dated, params = _dated("article_id", period)
            rows = self._db.execute(
                "SELECT DISTINCT article_id FROM entities WHERE text = ? AND label = ? AND article_id > ?"
                f" AND article_id <= ?{dated} ORDER BY article_id LIMIT ?",
                (*entity, after, upto, *params, limit),
            )
        else:
            where, params = found
            rows = self._db.execute(
                f"SELECT rowid FROM articles_fts WHERE {where} AND rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?",
                (*params, after, upto, limit),
            )
        return [row[0] for row in rows]

    def _scanned_ids(self, words: str, entity: tuple[str, str] | None, period: Period | None) -> list[int] | None:
        """Every id a filter keeps, when finding them costs much whatever how few are asked
        for, else None: words of an unspaced script, found by scanning the texts (half a
        second over 100k articles), or words with an entity or a period, tested on every
        article the words find. The ids are read once and kept for the count and every
        page, until the project changes (here, or through another connection: PRAGMA
        data_version)."""
        unspaced = any(is_unspaced(word) for word in words.split())
        if not unspaced and (entity is None and period is None or not fts_query(words)):
            return None
        key = (words, entity, period, self.data_version(), self._db.total_changes)
        if getattr(self, "_scanned", (None,))[0] != key:
            where, params = _found_by_words(words, entity, period)
            rows = self._db.execute(f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY rowid", params)
            self._scanned = (key, [row[0] for row in rows])
        return self._scanned[1]

    def articles_by_month(
        self, *, words: str = "", entity: tuple[str, str] | None = None
    ) -> tuple[list[tuple[str, int]], int]:
        """How many articles the filter keeps in each month of their dates ("2024-03"), in
        date order, and how many it keeps that have no date."""
        # NOTE: from the index by date: a row of the table holds the text before the date
        sql, params = _filtered(
            "SELECT substr(a.date, 1, 7) AS month, count(*) FROM articles a INDEXED BY articles_by_date", words, entity
        )
        rows = self._db.execute(f"{sql} GROUP BY month ORDER BY month", params).fetchall()
        undated = sum(n for month, n in rows if not month)
        return [(month, n) for month, n in rows if month], undated

    def sorted_article_ids(
        self,
        key: str,
        *,
        descending: bool = False,
        words: str = "",
        entity: tuple[str, str] | None = None,
        period: Period | None = None,
    ) -> list[int]:
        """Every id the filter keeps, ordered by `key` (one of SORT_KEYS; text case-blind),
        articles with equal values in import order."""
        sql, python_key = _SORTS[key]
        sql, params = _filtered(sql, words, entity, period)
        rows = sorted(self._db.execute(sql, params))
        if python_key is not None:
            rows = [(i, python_key(value)) for i, value in rows]
        rows.sort(key=lambda row: row[1], reverse=descending)  # stable: ties stay in id order
        return [i for i, _ in rows]


def listed_ids(listed: ListFilter) -> tuple[str, tuple]:
    """A query of the ids of the articles the list's filter keeps, and its parameters."""
    return _filtered("SELECT a.id FROM articles a", listed.words, listed.entity, listed.period)


def _filtered(sql: str, words: str, entity: tuple[str, str] | None, period: Period | None = None) -> tuple[str, tuple]:
    """A query over articles `a` narrowed to the articles the filter keeps, and its parameters."""
    found = _found_by_words(words, entity, period)
    if found is not None:
        where, params = found
        return f"{sql} WHERE a.id IN (SELECT rowid FROM articles_fts WHERE {where})", params
    parts, params = [], []
    if entity is not None:
        parts.append("a.id IN (SELECT article_id FROM entities WHERE text = ? AND label = ?)")
        params += entity
    if period is not None:
        parts.append(f"a.id IN ({_IN_PERIOD})")
        params += period
    return (f"{sql} WHERE {' AND '.join(parts)}" if parts else sql), tuple(params)


def _dated(column: str, period: Period | None) -> tuple[str, tuple]:
    """An AND clause keeping the rows whose article (`column`) is dated in the period."""
    return (f" AND {column} IN ({_IN_PERIOD})", period) if period is not None else ("", ())


def _found_by_words(
    words: str, entity: tuple[str, str] | None, period: Period | None = None
) -> tuple[str, tuple] | None:
    """The condition on rows of articles_fts that keeps the articles showing every word
    (mentioning the entity, dated in the period), with its parameters; None when no word is searched. Words
    of scripts written without spaces are looked for as stretches of text (instr), since
    the index holds a whole run of such text as one word."""
    match = fts_query(words)
    unspaced = [word for word in words.split() if is_unspaced(word)]
    if not match and not unspaced:
        return None
    parts, params = (["articles_fts MATCH ?"], [match]) if match else ([], [])
    for word in unspaced:
        parts.append("(instr(title, ?) > 0 OR instr(text, ?) > 0)")
        params += [word, word]
    # NOTE: with a match, "+rowid" (an expression) is tested on the rows the match finds: a
    # plain "rowid IN" is handed to FTS5, which then runs the match once per id listed (30 s
    # at 100k articles). Without one, the ids listed are the rows to scan, the fewer the better.
    rowid = "+rowid" if match else "rowid"
    if entity is not None:
        parts.append(f"{rowid} IN (SELECT article_id FROM entities WHERE text = ? AND label = ?)")
        params += entity
    if period is not None:
        parts.append(f"{rowid} IN ({_IN_PERIOD})")
        params += period
    return " AND ".join(parts), tuple(params)


def fts_query(query: str) -> str:
    """A user's search words as an FTS5 query: every word required, each as a prefix.

    Words are quoted, so FTS5 syntax typed by a user (AND, NEAR, *, ") is searched for as
    text and never raises a syntax error.
    """
    words = [w.replace('"', '""') for w in query.split() if not is_unspaced(w)]
    return " ".join(f'"{w}"*' for w in words if any(ch.isalnum() for ch in w))
