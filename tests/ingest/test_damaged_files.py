"""Damaged files of every kind: a clear reason (WorkbenchError), never another exception."""

import random

import pytest

from tests.ingest.test_feeds import ATOM, RDF, RSS
from tests.ingest.test_mime import PAGE, mail, mhtml
from tests.ingest.test_pdf import FIRST, page, pdf
from tests.ingest.test_word import docx, odt, run
from workbench.core.errors import WorkbenchError
from workbench.ingest.formats import read_entries


def xlsx() -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["title", "text", "date"])
    book.active.append(["Talks resume", "Officials said the talks had failed.", "2024-06-19"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SAMPLES = {
    "page.html": lambda: PAGE.encode(),
    "rows.csv": lambda: b"title,text,date\nTalks resume,Officials said the talks had failed.,2024-06-19\n",
    "rows.jsonl": lambda: (
        b'{"title": "Talks", "text": "Officials said the talks had failed.", "date": "2024-06-19"}\n' * 3
    ),
    "rows.json": lambda: (
        b'{"articles": [{"title": "Talks", "content": "Officials said it.", "source": {"name": "X"}}]}'
    ),
    "rows.xlsx": xlsx,
    "story.txt": lambda: (
        "Talks resume\n\nBy Jane Doe\n\nOfficials said the talks had failed. “Quoted,” she said.".encode()
    ),
    "story.pdf": lambda: pdf([page((20, "Kim and Putin sign defence pact"), (10, FIRST))], {"Title": "Kim | News"}),
    "feed.rss": lambda: RSS.encode(),
    "feed.atom": lambda: ATOM.encode(),
    "feed.xml": lambda: RDF.encode(),
    "page.mhtml": lambda: mhtml(PAGE),
    "alert.eml": lambda: mail(plain="Officials said the talks had failed. " * 5, html=PAGE),
    "story.odt": lambda: odt("<text:p>Officials said <text:s text:c='3'/> the talks had failed.</text:p>"),
    "story.docx": lambda: docx(run("Officials said the talks had failed.")),
}


def mutations(data: bytes, count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            if not damaged:
                break
            at = rng.randrange(len(damaged))
            kind = rng.random()
            if kind < 0.4:
                damaged[at] = rng.randrange(256)
            elif kind < 0.7:
                del damaged[at : at + rng.randint(1, 50)]
            else:
                damaged[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        yield bytes(damaged)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_damaged_file_is_refused_with_a_reason(name):
    for n, data in enumerate(mutations(SAMPLES[name](), 400, seed=sum(map(ord, name)))):
        try:
            read_entries(name, data)
        except WorkbenchError:
            pass  # refused, with the reason in words
        except Exception as exc:  # noqa: BLE001 — what this test is for
            pytest.fail(f"{name}, damaged copy {n}: {type(exc).__name__}: {exc}")


def test_a_damaged_zip_archive_is_reported_file_by_file(tmp_path, session):
    import io
    import zipfile

    from workbench.services.importing import import_paths

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Talks resume\n\nOfficials said the talks had failed. " * 20)
        archive.writestr("b/c.html", "<html><body><p>" + "Officials said it. " * 30 + "</p></body></html>")
    for n, data in enumerate(mutations(buffer.getvalue(), 200, seed=3)):
        damaged = tmp_path / f"damaged-{n}.zip"
        damaged.write_bytes(data)
        import_paths(session.store, [damaged])  # reports what failed; raises nothing
