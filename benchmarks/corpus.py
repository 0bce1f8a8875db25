"""Synthetic corpora built from the sample articles, at any size.

Article `i` is the same page in every corpus (its random generator is seeded with `i`), so
the 1k corpus is the first thousand articles of the 100k one and the same article can be
opened in both. A page has what scraped news pages have: a headline, a dateline, a byline,
2 to 40 paragraphs, and page clutter after the story. Its sentences come from the sample
articles, with their people, places, organisations and groups replaced by names drawn from
larger pools (Zipf-distributed: a few names are everywhere, most are rare), and its date
is any day of ten years. Where each name was put is known, so large corpora get their
entity mentions and claims written straight into the project instead of running NER for
hours.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from workbench import seeds
from workbench.core.model import Article, Claim, EntitySpan
from workbench.ingest.article import build_article
from workbench.ingest.decode import decode_text
from workbench.nlp.pipeline import pipeline_meta

# Bumped whenever generated text changes, so cached corpora are rebuilt.
GENERATOR_VERSION = "4"
# One article in this many is another outlet's copy of the one before it, lightly edited
# (what near-duplicate detection is for); the rest share sentences, not stories.
SYNDICATED_EVERY = 40
# Words slipped between a sentence's words now and then, so that two articles drawing on
# the same sample sentence still differ in most of their word 5-grams, as distinct
# stories do (without them every article would be a candidate near-duplicate of many).
_FILLERS = (
    "reportedly",
    "also",
    "now",
    "again",
    "still",
    "further",
    "indeed",
    "meanwhile",
    "officially",
    "in turn",
    "once more",
    "for now",
    "this week",
    "by most accounts",
    "at the time",
)

# Names in the sample articles, by the label NER gives them; longest first, so that
# "North Korean" is found before "North Korea".
SEED_NAMES = {
    "PERSON": ["Volodymyr Zelenskyy", "Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Choe Son Hui",
               "Kim Kyou-hyun", "Alexander Matsegora", "Yoo Sang-bum", "Xi Jinping", "Putin", "Zelenskyy"],
    "GPE": ["North Korea", "South Korea", "United States", "Pyongyang", "Moscow", "Russia", "China", "Ukraine",
            "Washington", "Beijing", "Seoul", "India", "Glasgow", "Brazil", "Kursk", "Japan", "Iran"],
    "ORG": ["National Intelligence Service", "Federation Council", "State Duma", "RIA Novosti", "White House",
            "United Nations", "Kremlin", "Pentagon", "NATO", "KCNA", "U.N."],
    "NORP": ["North Korean", "South Korean", "Ukrainian", "Russian", "Chinese", "Western", "American"],
}  # fmt: skip

_FIRST = ("Ana Amir Chen David Elena Farid Grace Hana Ivan Jamal Kenji Lina Marco Nadia Omar Priya Quinn Rosa "
          "Samir Tara Umar Vera Wei Ximena Yusuf Zara Adrian Bianca Carlos Dmitri Esther Felix Gloria Hugo Irina "
          "Jonas Karin Leon Mira Nikolai").split()  # fmt: skip
_LAST = ("Alvarez Brennan Castillo Dimitrov Eriksen Fujimoto Garcia Haddad Ivanova Jensen Kowalski Larsen Moreau "
         "Nakamura Okafor Petrov Quintero Rahman Schmidt Tanaka Umarov Varga Weber Xu Yilmaz Zhang Abe Bauer Costa "
         "Dubois Ekwueme Fischer Gomez Hoffmann Ibrahim Jovanovic Kim Lindqvist Mendes Novak").split()  # fmt: skip
_PLACES = ("France Germany Poland Turkey Egypt Kenya Nigeria Mexico Canada Chile Peru Vietnam Thailand Indonesia "
           "Pakistan Iraq Syria Israel Jordan Qatar Norway Sweden Finland Spain Italy Greece Romania Serbia Georgia "
           "Armenia Kazakhstan Mongolia Australia Argentina Colombia Cuba Venezuela Morocco Algeria Ethiopia Paris "
           "Berlin Warsaw Ankara Cairo Nairobi Lagos Tokyo Hanoi Bangkok Jakarta Islamabad Baghdad Damascus Tehran "
           "Oslo Stockholm Helsinki Madrid Rome Athens Bucharest Belgrade Tbilisi Yerevan Astana Canberra Ottawa "
           "Lima Havana Caracas Rabat Algiers Kyiv Minsk Vilnius Riga Tallinn Sofia Prague Vienna Budapest "
           "Bratislava Zagreb Dublin Lisbon Brussels Amsterdam").split()  # fmt: skip
_ORG_HEADS = (
    "Ministry of Defence",
    "Foreign Ministry",
    "Central Bank",
    "Energy Agency",
    "Defence Council",
    "Security Service",
    "Trade Commission",
    "Atomic Agency",
    "Development Fund",
    "Red Cross Office",
    "Border Guard",
    "Press Agency",
    "Institute for Strategic Studies",
    "Parliament",
    "Supreme Court",
)
_GROUPS = ("French German Polish Turkish Egyptian Kenyan Nigerian Mexican Canadian Chilean Vietnamese Thai "
           "Indonesian Pakistani Iraqi Syrian Israeli Jordanian Norwegian Swedish Finnish Spanish Italian Greek "
           "Romanian Serbian Georgian Armenian Kazakh Mongolian Australian Argentine Colombian Cuban").split()  # fmt: skip
_MONTHS = ("January February March April May June July August September October November December").split()
_SITES = ("worldwire", "dailyglobe", "eastasiareview", "policyobserver", "newsdesk", "thecable")
_CLUTTER = (
    "Related Articles\n\n{a}\n\n{b}\n",
    "Share this article\n\nRead more: {a}\n",
    "Tags: {c}, {d}, security\n\nAbout the author\n\n{p} covers foreign affairs.\n",
)


@dataclass(frozen=True)
class Page:
    """A generated article: its text, and where the names put into it stand."""

    text: str
    mentions: tuple[EntitySpan, ...]
    sentences: tuple[tuple[int, int], ...]  # body sentences, as (start, end) in text
    title_end: int  # where the headline ends
    body_end: int  # where the page clutter after the story starts


@cache
def _pools() -> dict[str, tuple[list[str], list[float]]]:
    """Names per label, with Zipf cumulative weights (rank r is drawn ∝ 1/r)."""
    people = [f"{f} {last}" for last in _LAST for f in _FIRST]
    random.Random(7).shuffle(people)
    orgs = [f"{p} {h}" for p in _PLACES[:40] for h in _ORG_HEADS]
    random.Random(8).shuffle(orgs)
    pools = {
        "PERSON": people,
        "GPE": list(_PLACES) + [n for n in SEED_NAMES["GPE"] if " " in n or len(n) > 5],
        "ORG": orgs + SEED_NAMES["ORG"],
        "NORP": list(_GROUPS) + SEED_NAMES["NORP"],
    }
    return {label: (names, list(accumulate(1 / (r + 1) for r in range(len(names))))) for label, names in pools.items()}


@cache
def _templates() -> list[list[str | tuple[str, int]]]:
    """Sentences of the sample articles' bodies, as pieces: text, or (label, slot) where a
    name stood (the same name in one sentence takes the same slot)."""
    names = sorted(((n, label) for label, ns in SEED_NAMES.items() for n in ns), key=lambda x: -len(x[0]))
    label_of = dict(names)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n, _ in names) + r")(?!\w)")
    templates = []
    for path in seeds.sample_files():
        text, _ = decode_text(path.read_bytes())
        article = build_article(path.name, text)
        for segment in article.segments:
            if segment.role.value != "body":
                continue
            for sentence in _split_sentences(article.text[segment.start : segment.end]):
                if not 6 <= len(sentence.split()) <= 70:
                    continue
                pieces, slots, last = [], {}, 0
                for match in pattern.finditer(sentence):
                    pieces.append(sentence[last : match.start()])
                    name = match.group(1)
                    slot = slots.setdefault(name, len(slots))
                    pieces.append((label_of[name], slot))
                    last = match.end()
                pieces.append(sentence[last:])
                templates.append(pieces)
    return templates


@cache
def _richness() -> list[int]:
    """Weights favouring sentences with many names (for an article dense with mentions)."""
    return [1 + 4 * sum(not isinstance(piece, str) for piece in t) ** 2 for t in _templates()]


def _split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”’\"])\s+(?=[A-Z“‘\"])", text) if s.strip()]


def _name(rng: random.Random, label: str) -> str:
    names, weights = _pools()[label]
    return rng.choices(names, cum_weights=weights)[0]


def page(index: int, *, words: int | None = None, rich: bool = False) -> Page:
    """Article `index` of every corpus; `words` asks for a body of about that many words,
    `rich` for sentences naming more people, places and organisations than usual."""
    if words is None and index % SYNDICATED_EVERY == SYNDICATED_EVERY - 1:
        return _syndicated(page(index - 1))
    rng = random.Random(index * 7919 + 17)
    templates = _templates()
    cast = {label: [_name(rng, label) for _ in range(6)] for label in SEED_NAMES}
    if words is None:
        words = int(min(max(rng.lognormvariate(6.1, 0.55), 90), 6000))
    parts: list[str] = []
    mentions: list[EntitySpan] = []
    sentences: list[tuple[int, int]] = []
    length = 0

    def put(text: str, label: str | None = None) -> None:
        nonlocal length
        if label is not None:
            mentions.append(EntitySpan(length, length + len(text), label, text))
        parts.append(text)
        length += len(text)

    def put_sentence(pieces) -> int:
        start, count = length, 0
        for piece in pieces:
            if isinstance(piece, str):
                put(_with_fillers(rng, piece))
            else:
                label, slot = piece
                pool = cast[label]
                put(pool[slot % len(pool)] if rng.random() < 0.85 else _name(rng, label), label)
            count += len(parts[-1].split())
        sentences.append((start, length))
        return count

    put(_name(rng, "PERSON"), "PERSON")
    put(" on ")
    put(cast["GPE"][0], "GPE")
    put(": " + rng.choice(("talks stall", "new deal signed", "troops move", "sanctions widen", "aid arrives")))
    title_end = length
    date = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
    put(f"\n\nPublished: {date}\n\nBy {_name(rng, 'PERSON')}, {rng.choice(_SITES)}\n\n")
    body = 0
    while body < words:
        for n in range(rng.randint(2, 5)):
            if n:
                put(" ")
            body += put_sentence(rng.choices(templates, weights=_richness())[0] if rich else rng.choice(templates))
            if body >= words:
                break
        put("\n\n")
    body_end = length
    put(
        rng.choice(_CLUTTER).format(
            a=_name(rng, "PERSON") + " warns of new strains",
            b="Markets react to " + _name(rng, "GPE") + " vote",
            c=_name(rng, "GPE"),
            d=_name(rng, "NORP"),
            p=_name(rng, "PERSON"),
        )
    )
    return Page("".join(parts), tuple(mentions), tuple(sentences), title_end, body_end)


def _with_fillers(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1][-1:].isalpha() and words[i][:1].islower() and rng.random() < 0.12:
            words.insert(i, rng.choice(_FILLERS))
    return " ".join(words)


def _syndicated(original: Page) -> Page:
    """Another outlet's copy: a headline of its own and a correction closing the story."""
    text, tag, note = original.text, " (updated)", " An earlier version of this story misstated a date."
    story_end = original.body_end - 2  # before the blank line that ends the last paragraph

    def moved(offset: int) -> int:
        return offset + len(tag) * (offset >= original.title_end) + len(note) * (offset >= story_end)

    return Page(
        text[: original.title_end] + tag + text[original.title_end : story_end] + note + text[story_end:],
        tuple(EntitySpan(moved(m.start), moved(m.end), m.label, m.text) for m in original.mentions),
        tuple((moved(a), moved(b)) for a, b in original.sentences),
        moved(original.title_end),
        moved(original.body_end),
    )


def article(index: int, page_: Page | None = None) -> Article:
    """Article `index` as the importer reads it from its file."""
    page_ = page_ or page(index)
    return build_article(file_name(index), page_.text)


def file_name(index: int) -> str:
    return f"{index // 1000:03d}/article-{index:06d}.txt"


def claims_for(index: int, page_: Page, article_id: int, schema_categories: list[str]) -> list[Claim]:
    """0–2 claims on body sentences (about one per article), sources from the page's people."""
    rng = random.Random(index * 104729 + 3)
    count = rng.choices((0, 1, 2), weights=(3, 4, 3))[0]
    people = [m.text for m in page_.mentions if m.label == "PERSON"]
    claims = []
    for start, end in rng.sample(page_.sentences[1:], min(count, len(page_.sentences) - 1)):
        claims.append(
            Claim(
                article_id=article_id,
                start=start,
                end=end,
                quote=page_.text[start:end],
                category=rng.choice(schema_categories),
                source=rng.choice(people) if people and rng.random() < 0.8 else "",
                stance=rng.choice(("asserts", "asserts", "denies", "questions")),
                tags=("synthetic",) if rng.random() < 0.3 else (),
                note="=check the figures" if rng.random() < 0.05 else "",
            )
        )
    return claims


def entity_model() -> tuple[str, str]:
    """Mentions are recorded as found by the installed pipeline, so that opening a generated
    project finds nothing left to analyse (as with a real, analysed project)."""
    meta = pipeline_meta()
    return meta.entity_model if meta else ("synthetic", "1")


def write_files(folder: Path, count: int) -> list[Path]:
    """Articles 0..count-1 as plain-text files under `folder` (in subfolders of 1000)."""
    paths = []
    for index in range(count):
        path = folder / file_name(index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(index).text, encoding="utf-8")
        paths.append(path)
    return paths


def long_page(words: int = 50_000, mentions: int = 5_000) -> Page:
    """One very long article: `words` words of body with about `mentions` entity mentions."""
    base = page(10_000_019, words=words * 21 // 20, rich=True)  # pieces of words count twice
    keep = set(random.Random(5).sample(range(len(base.mentions)), min(mentions, len(base.mentions))))
    mentions = tuple(m for i, m in enumerate(base.mentions) if i in keep)
    return Page(base.text, mentions, base.sentences, base.title_end, base.body_end)


def stats(count: int) -> dict[str, float]:
    """Average words and mentions per article over the first `count` articles (a sample)."""
    pages = [page(i) for i in range(0, count, max(1, count // 200))]
    return {
        "words": sum(len(p.text.split()) for p in pages) / len(pages),
        "mentions": sum(len(p.mentions) for p in pages) / len(pages),
    }
