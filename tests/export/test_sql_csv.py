"""CSV lines built by SQLite are what csv.writer writes, for any text."""

import csv
import io
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.export.safety import neutralise
from workbench.export.sql_csv import csv_line

cell = st.one_of(st.none(), st.text(), st.sampled_from(["=1+1", "'x", "\t", "a,b", 'say "hi"', "\r", 'x\x00"y']))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(cell, st.one_of(st.none(), st.integers(-5, 10**12))), min_size=1, max_size=3), st.booleans())
def test_a_line_is_what_csv_writer_writes(rows, safe):
    db = sqlite3.connect(":memory:")
    db.execute('CREATE TABLE t (words TEXT, "end" INTEGER)')
    db.executemany("INSERT INTO t VALUES (?, ?)", rows)
    line = csv_line([("words", True), ("end", False)], spreadsheet_safe=safe)
    ours = "".join(row[0] for row in db.execute(f"SELECT {line} FROM t ORDER BY rowid"))
    expected = io.StringIO()
    writer = csv.writer(expected, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for words, number in rows:
        writer.writerow([neutralise(words) if safe else words, number])
    assert ours == expected.getvalue()
