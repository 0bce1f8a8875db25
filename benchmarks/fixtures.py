"""Projects and folders of files the benchmarks run on, built once and kept in
`benchmarks/out/` (a 100k-article project takes a few minutes to build; later runs reuse
it until the generator changes, bringing its format up to date first when the app's has
moved on)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from benchmarks import corpus
from workbench.services.projects import default_schema
from workbench.store import ProjectStore

OUT = Path(__file__).resolve().parent / "out"
CHUNK = 1000  # articles per transaction while building


def cache_dir() -> Path:
    folder = OUT / "corpora"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def project(size: int, *, analysed: bool = True, log=print) -> Path:
    """A project holding articles 0..size-1, with their mentions (as if analysed by the
    installed pipeline) and about one claim per article; built when not cached."""
    path = cache_dir() / f"project-{size}-{'analysed' if analysed else 'bare'}-g{corpus.GENERATOR_VERSION}.wbproj"
    if path.exists():
        ProjectStore.open(path, create=False).close()  # migrates a project built by an older app
        return path
    log(f"  building a {size:,}-article project (cached in {path.parent})…")
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".part")
    _remove(tmp)
    store = ProjectStore.open(tmp)
    try:
        schema = default_schema()
        store.set_schema(schema)
        categories = list(schema.category_names)
        model_name, model_version = corpus.entity_model()
        for first in range(0, size, CHUNK):
            with store.transaction():
                for index in range(first, min(first + CHUNK, size)):
                    page = corpus.page(index)
                    article = corpus.article(index, page)
                    article_id = store.add_article(article)
                    if analysed:
                        body = [m for m in page.mentions if _analysed(article, m.start)]
                        store.save_entities(article_id, article.text_hash, body, model_name, model_version)
                        for claim in corpus.claims_for(index, page, article_id, categories):
                            store.insert_claim(claim)
            _progress(log, first + CHUNK, size, started)
        store.set_meta("current_article_id", "1")
    finally:
        store.close()
    _remove(path)
    for suffix in ("", "-wal", "-shm"):
        if Path(str(tmp) + suffix).exists():
            os.replace(str(tmp) + suffix, str(path) + suffix)
    log(f"  built in {time.perf_counter() - started:.0f} s")
    return path


def files(count: int, *, log=print) -> Path:
    """A folder of `count` plain-text article files (articles 0..count-1)."""
    folder = cache_dir() / f"files-{count}-g{corpus.GENERATOR_VERSION}"
    if folder.exists():
        return folder
    log(f"  writing {count:,} article files…")
    tmp = folder.with_name(folder.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    corpus.write_files(tmp, count)
    tmp.rename(folder)
    return folder


def copy_project(path: Path, to: Path) -> Path:
    """A fresh copy of a cached project (for measurements that change it)."""
    store = ProjectStore.open(path, create=False)  # checkpoints the WAL on close
    store.close()
    shutil.copyfile(path, to)
    return to


def _analysed(article, offset: int) -> bool:
    """Whether NER reads the text at `offset` (headline and body; not metadata or clutter)."""
    return any(s.start <= offset < s.end and s.role.analysed for s in article.segments)


def _progress(log, done: int, total: int, started: float) -> None:
    if total >= 20 * CHUNK and done % (10 * CHUNK) == 0:
        elapsed = time.perf_counter() - started
        log(f"    {min(done, total):,} of {total:,} articles ({elapsed:.0f} s)")
        sys.stdout.flush()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
