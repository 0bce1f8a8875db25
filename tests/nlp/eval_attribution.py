"""Precision, recall, speaker and stance accuracy of the suggested claims, against a naive
baseline, on the hand-annotated sets in tests/nlp/data/.

    python -m tests.nlp.eval_attribution [--split tune|heldout] [--show] [--speed]

--show prints the misses and false suggestions of the development ("tune") set only: the
held-out set is judged by its figures alone, so that no rule is fitted to it.

The baseline is the few-dozen-lines approach: every verb whose lemma is in the same
reporting-verb list, its grammatical subject (the whole subtree) as the source, the
sentence as the span, the verb's stance from the same lexicon.

A suggestion matches a gold claim when their spans share a word (one-to-one, best overlap
first); "strict" asks for a word-level Jaccard overlap of at least 0.5. Speaker accuracy
compares normalised names (case, articles, possessive "'s", punctuation ignored) with the
gold source or one of its listed alternatives ("Alexander Matsegora" for "Russia's
Ambassador to North Korea, Alexander Matsegora").
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.core.model import Article, Role, Segment, Suggestion

DATA = Path(__file__).resolve().parent / "data"
SPLITS = ("tune", "heldout")
WORD = re.compile(r"\w+")
LEADING = re.compile(r"^(?:(?:the|a|an|both|either|neither)\s+)+")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    sources: tuple[str, ...]
    stance: str
    cue: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    claims: tuple[Gold, ...]

    @property
    def article(self) -> Article:
        return Article(self.id, self.text, "", "", (Segment(0, len(self.text), Role.BODY),))


@dataclass
class Scores:
    system: str
    predicted: int
    gold: int
    matched: int
    strict: int
    source_right: int
    stance_right: int
    overlap: float  # mean word Jaccard of matched spans
    distractors: int  # sentences without any attribution
    distractors_hit: int  # of those, sentences where something was proposed

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_precision(self) -> float:
        return self.strict / self.predicted if self.predicted else 0.0

    @property
    def strict_recall(self) -> float:
        return self.strict / self.gold if self.gold else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.matched if self.matched else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_right / self.matched if self.matched else 0.0

    def row(self) -> str:
        return (
            f"{self.system:9} P {self.precision:.2f}  R {self.recall:.2f}  F1 {self.f1:.2f}  "
            f"strict P {self.strict_precision:.2f} R {self.strict_recall:.2f}  "
            f"source {self.source_accuracy:.2f}  stance {self.stance_accuracy:.2f}  span overlap {self.overlap:.2f}  "
            f"({self.matched}/{self.predicted} predicted, {self.matched}/{self.gold} gold; "
            f"distractor sentences hit {self.distractors_hit}/{self.distractors})"
        )


def load(split: str) -> list[Document]:
    data = json.loads((DATA / f"attribution_{split}.json").read_text(encoding="utf-8"))
    documents = []
    for doc in data["documents"]:
        claims = []
        for claim in doc["claims"]:
            start = doc["text"].index(claim["span"])
            sources = (claim["source"], *claim.get("alts", ()))
            claims.append(Gold(start, start + len(claim["span"]), sources, claim["stance"], claim["cue"]))
        documents.append(Document(doc["id"], doc["text"], tuple(claims)))
    return documents


def normalise(name: str) -> str:
    name = name.casefold().replace("’", "'")
    name = re.sub(r"'s?\b", "", name)
    name = " ".join(WORD.findall(name))
    return LEADING.sub("", name)


def words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in WORD.finditer(text) if start <= m.start() and m.end() <= end}


def match(text: str, predicted: list[Suggestion], gold: tuple[Gold, ...], threshold: float = 0.0):
    """One-to-one pairs (prediction, gold, jaccard), best overlap first."""
    pairs = []
    for i, p in enumerate(predicted):
        pw = words(text, p.start, p.end)
        for j, g in enumerate(gold):
            gw = words(text, g.start, g.end)
            shared = len(pw & gw)
            jaccard = shared / len(pw | gw) if pw | gw else 0.0
            if shared and jaccard >= threshold:
                pairs.append((jaccard, source_right(p, g), i, j))
    pairs.sort(reverse=True)
    used_p, used_g, result = set(), set(), []
    for jaccard, _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((predicted[i], gold[j], jaccard))
    return result


def source_right(p: Suggestion, g: Gold) -> bool:
    return normalise(p.source) in {normalise(s) for s in g.sources}


def score(system: str, documents: list[Document], predictions: dict[str, list[Suggestion]], sentences) -> Scores:
    totals = dict(predicted=0, gold=0, matched=0, strict=0, source_right=0, stance_right=0)
    overlaps = []
    distractors = hit = 0
    for doc in documents:
        predicted = predictions.get(doc.id, [])
        pairs = match(doc.text, predicted, doc.claims)
        totals["predicted"] += len(predicted)
        totals["gold"] += len(doc.claims)
        totals["matched"] += len(pairs)
        totals["strict"] += len(match(doc.text, predicted, doc.claims, threshold=0.5))
        totals["source_right"] += sum(source_right(p, g) for p, g, _ in pairs)
        totals["stance_right"] += sum(p.stance == g.stance for p, g, _ in pairs)
        overlaps += [j for _, _, j in pairs]
        for start, end in sentences[doc.id]:
            if any(g.start < end and start < g.end for g in doc.claims):
                continue
            distractors += 1
            hit += any(p.start < end and start < p.end for p in predicted)
    return Scores(system, **totals, overlap=sum(overlaps) / len(overlaps) if overlaps else 0.0,
                  distractors=distractors, distractors_hit=hit)  # fmt: skip


def naive_baseline(pipeline, documents: list[Document]) -> tuple[dict[str, list[Suggestion]], dict]:
    """The baseline's suggestions, and each document's sentence bounds."""
    from workbench.nlp.attribution_lexicon import VERBS
    from workbench.nlp.pipeline import parse

    predictions, sentences = {}, {}
    for doc, document in parse(pipeline, ((d.text, d) for d in documents), batch_size=64):
        found = []
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in VERBS:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            sent = token.sent
            source = doc[subject.left_edge.i : subject.right_edge.i + 1]
            found.append(
                Suggestion(
                    sent.start_char,
                    sent.end_char,
                    sent.text,
                    source.text,
                    source.start_char,
                    source.end_char,
                    VERBS[token.lemma_.lower()].stance,
                    token.text,
                )  # fmt: skip
            )
        predictions[document.id] = found
        sentences[document.id] = [(s.start_char, s.end_char) for s in doc.sents]
    return predictions, sentences


def evaluate(pipeline, split: str) -> tuple[Scores, Scores, list[Document], dict]:
    from workbench.nlp.attribution import suggest_many

    documents = load(split)
    ours = dict(suggest_many(pipeline, ((d.id, d.article) for d in documents)))
    baseline, sentences = naive_baseline(pipeline, documents)
    return score("ours", documents, ours, sentences), score("baseline", documents, baseline, sentences), documents, ours


def show(documents: list[Document], predictions: dict[str, list[Suggestion]]) -> None:
    """Print every miss and every false or imperfect suggestion."""
    for doc in documents:
        predicted = predictions.get(doc.id, [])
        pairs = match(doc.text, predicted, doc.claims)
        matched_p = {id(p) for p, _, _ in pairs}
        matched_g = {id(g) for _, g, _ in pairs}
        lines = []
        for p, g, j in pairs:
            problems = []
            if not source_right(p, g):
                problems.append(f"source {p.source!r} ≠ {g.sources[0]!r}")
            if p.stance != g.stance:
                problems.append(f"stance {p.stance} ≠ {g.stance}")
            if j < 0.5:
                problems.append(f"span {p.text!r} vs {doc.text[g.start : g.end]!r}")
            if problems:
                lines.append("  ~ " + "; ".join(problems))
        lines += [f"  - missed: {doc.text[g.start : g.end]!r} ({g.sources[0]}, {g.stance}, {g.cue})"
                  for g in doc.claims if id(g) not in matched_g]  # fmt: skip
        lines += [
            f"  + false: {p.text!r} ({p.source}, {p.stance}, {p.cue})" for p in predicted if id(p) not in matched_p
        ]
        if lines:
            print(f"{doc.id}: {doc.text}")
            print("\n".join(lines))


def speed(pipeline) -> None:
    """Words per second of suggestions, against NER alone, on the eval texts and the seeds."""
    from workbench.ingest.files import read_article
    from workbench.nlp.attribution import suggest_many
    from workbench.nlp.entities import find_entities

    seeds = [read_article(p) for p in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))]
    sets = {
        "eval set": [d.article for split in SPLITS for d in load(split)],
        "seeds": seeds,
    }
    for name, articles in sets.items():
        n_words = sum(len(WORD.findall(a.body_text)) for a in articles)
        for label, run in (
            ("suggestions", lambda arts: list(suggest_many(pipeline, enumerate(arts)))),
            (
                "NER only",
                lambda arts: list(find_entities(pipeline, ((i, a.analysed_runs()) for i, a in enumerate(arts)))),
            ),
        ):
            run(articles)  # warm up
            rounds, began = 0, time.perf_counter()
            while rounds < 3 or time.perf_counter() - began < 2:
                run(articles)
                rounds += 1
            elapsed = (time.perf_counter() - began) / rounds
            print(f"{name:8} {label:11} {n_words / elapsed:8.0f} words/s ({n_words} words, {len(articles)} articles)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="default: both, reported separately")
    parser.add_argument("--show", action="store_true", help="print misses and false suggestions (development set only)")
    parser.add_argument("--speed", action="store_true", help="measure words per second")
    args = parser.parse_args()
    from workbench.nlp.pipeline import load_pipeline

    pipeline = load_pipeline()
    for split in args.split or SPLITS:
        ours, baseline, documents, predictions = evaluate(pipeline, split)
        print(f"[{split}] {len(documents)} documents, {ours.gold} attributed statements, "
              f"{ours.distractors} sentences without attribution")  # fmt: skip
        print(ours.row())
        print(baseline.row())
        if args.show and split == "tune":  # the held-out set is judged by its figures alone
            show(documents, predictions)
    if args.speed:
        speed(pipeline)


if __name__ == "__main__":
    main()
