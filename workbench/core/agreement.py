"""Agreement between analysts who annotated the same articles.

For each pair of analysts, over the articles both made claims in:
- spans: their claims are paired within each article, most-overlapping first (two claims
  pair when they share at least MIN_OVERLAP of the characters either covers, Jaccard); the
  F1 of the pairing (2 × pairs ÷ all claims) says how far they marked the same statements;
- fields: on the paired claims, how often category, stance, status and source agree, as a
  share, as Cohen's κ, as Krippendorff's α (nominal) and as Gwet's AC1, the last three
  corrected for the agreement chance alone would give. κ and α are undefined (None) where
  chance agreement is total, as when both analysts gave every claim the same category; they
  also fall low when one value is far more common than the others even though the analysts
  agree (the "kappa paradox": 95 % of claims "unverified"). AC1 takes chance agreement from
  the number of values the field could take (its scale), and stays near the share there.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from workbench.core.model import Claim

MIN_OVERLAP = 0.5
FIELDS = ("category", "stance", "status", "source")
UNNAMED = "(no analyst)"


@dataclass(frozen=True)
class FieldAgreement:
    field: str
    compared: int  # paired claims
    agreed: int
    kappa: float | None
    alpha: float | None
    ac1: float | None

    @property
    def share(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    articles: int  # articles both made claims in
    first_claims: int  # their claims in those articles
    second_claims: int
    paired: int
    exact: int  # paired claims of the very same span
    fields: tuple[FieldAgreement, ...]

    @property
    def span_f1(self) -> float | None:
        total = self.first_claims + self.second_claims
        return 2 * self.paired / total if total else None


def analysts_agreement(
    claims: Iterable[Claim],
    source_key: Callable[[str], object] = str.casefold,
    scales: Mapping[str, Iterable[str]] | None = None,
) -> list[PairAgreement]:
    """Agreement of every pair of analysts who made claims in the same articles, by name. `source_key` tells when two sources are
    the same actor (by default: the same name, case aside); `scales` gives the values a field
    could take (the project's categories, stances, statuses), for AC1; a field without one,
    like source, has the values given."""
    by_analyst: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        by_analyst[claim.analyst or UNNAMED][claim.article_id].append(claim)
    results = []
    names = sorted(by_analyst, key=lambda name: (name == UNNAMED, name.casefold()))
    for first, second in itertools.combinations(names, 2):
        shared = sorted(by_analyst[first].keys() & by_analyst[second].keys())
        if not shared:
            continue  # nothing to compare: a row of blanks would say nothing
        pairs: list[tuple[Claim, Claim]] = []
        counts = [0, 0]
        for article_id in shared:
            mine, theirs = by_analyst[first][article_id], by_analyst[second][article_id]
            counts[0] += len(mine)
            counts[1] += len(theirs)
            pairs += pair_claims(mine, theirs)
        results.append(
            PairAgreement(
                first,
                second,
                len(shared),
                counts[0],
                counts[1],
                len(pairs),
                sum((a.start, a.end) == (b.start, b.end) for a, b in pairs),
                tuple(_field(name, pairs, source_key, (scales or {}).get(name, ())) for name in FIELDS),
            )
        )
    return results


def pair_claims(first: list[Claim], second: list[Claim]) -> list[tuple[Claim, Claim]]:
    """One analyst's claims in an article paired with another's: most-overlapping first,
    each claim in one pair at most, none overlapping less than MIN_OVERLAP."""
    candidates = sorted(
        ((overlap, i, j) for i, a in enumerate(first) for j, b in enumerate(second) if (overlap := _jaccard(a, b))),
        reverse=True,
    )
    used_first, used_second, pairs = set(), set(), []
    for overlap, i, j in candidates:
        if overlap >= MIN_OVERLAP and i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
            pairs.append((first[i], second[j]))
    return pairs


def _jaccard(a: Claim, b: Claim) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return 0.0
    return shared / (max(a.end, b.end) - min(a.start, b.start))


def _field(name: str, pairs: list[tuple[Claim, Claim]], source_key, scale: Iterable[str]) -> FieldAgreement:
    key = source_key if name == "source" else (lambda value: value)
    values = [(key(getattr(a, name)), key(getattr(b, name))) for a, b in pairs]
    return FieldAgreement(
        name,
        len(values),
        sum(x == y for x, y in values),
        cohen_kappa(values),
        krippendorff_alpha(values),
        gwet_ac1(values, scale),
    )


def cohen_kappa(values: list[tuple[object, object]]) -> float | None:
    """Cohen's κ of two coders' nominal values for the same units."""
    n = len(values)
    if not n:
        return None
    observed = sum(x == y for x, y in values) / n
    first, second = Counter(x for x, _ in values), Counter(y for _, y in values)
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(values: list[tuple[object, object]]) -> float | None:
    """Krippendorff's α of two coders' nominal values for the same units (none missing):
    1 − observed ÷ expected disagreement, from the coincidence of the values."""
    n = 2 * len(values)
    if n < 2:
        return None
    totals = Counter(v for pair in values for v in pair)
    observed = sum(x != y for x, y in values) * 2 / n
    expected = (n * n - sum(count * count for count in totals.values())) / (n * (n - 1))
    return None if expected == 0 else 1 - observed / expected


def gwet_ac1(values: list[tuple[object, object]], scale: Iterable[object] = ()) -> float | None:
    """Gwet's AC1 of two coders' nominal values for the same units (Gwet 2008): chance
    agreement is Σ π(1 − π) ÷ (Q − 1) over the values' shares π of both coders' ratings, Q the
    number of values on the scale (`scale` and those given). Undefined with one value only."""
    n = len(values)
    totals = Counter(v for pair in values for v in pair)
    categories = len(totals.keys() | set(scale))
    if not n or categories < 2:
        return None
    observed = sum(x == y for x, y in values) / n
    expected = sum(c / (2 * n) * (1 - c / (2 * n)) for c in totals.values()) / (categories - 1)
    return (observed - expected) / (1 - expected)
