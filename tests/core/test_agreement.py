"""Agreement between analysts: the pairing of claims and the coefficients."""

import pytest

from workbench.core.agreement import (
    UNNAMED,
    analysts_agreement,
    cohen_kappa,
    gwet_ac1,
    krippendorff_alpha,
    pair_claims,
)
from workbench.core.model import Claim


def claim(start, end, analyst, article_id=1, **fields):
    return Claim(article_id=article_id, start=start, end=end, quote="x" * (end - start), analyst=analyst,
                 **{"category": "Claim", **fields})  # fmt: skip


def test_cohens_kappa_of_the_textbook_example():
    values = [("y", "y")] * 20 + [("n", "n")] * 15 + [("y", "n")] * 5 + [("n", "y")] * 10
    assert cohen_kappa(values) == pytest.approx(0.4)


def test_krippendorffs_alpha_of_his_published_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": two observers, ten units.
    first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(list(zip(first, second, strict=True))) == pytest.approx(0.095, abs=5e-4)


def test_gwets_ac1_of_the_textbook_example():
    # The same table as κ above; the figure agrees with the irrCAC package's.
    values = [("y", "y")] * 20 + [("n", "n")] * 15 + [("y", "n")] * 5 + [("n", "y")] * 10
    assert gwet_ac1(values) == pytest.approx(0.40594, abs=5e-6)


def test_gwets_ac1_stays_near_the_share_where_one_value_is_common_and_kappa_falls():
    # 46 claims both called "unverified", 4 they disagree on: 92 % agree, yet κ is below 0.
    values = [("unverified", "unverified")] * 46 + [("unverified", "true")] * 2 + [("true", "unverified")] * 2
    assert cohen_kappa(values) == pytest.approx(-0.0417, abs=5e-5)
    assert gwet_ac1(values) == pytest.approx(0.9133, abs=5e-5)  # two values seen
    assert gwet_ac1(values, ["unverified", "true", "false", "disputed"]) == pytest.approx(0.9179, abs=5e-5)


def test_coefficients_are_undefined_where_chance_agrees_on_everything():
    assert cohen_kappa([("a", "a")] * 5) is None
    assert krippendorff_alpha([("a", "a")] * 5) is None
    assert gwet_ac1([("a", "a")] * 5) is None
    assert gwet_ac1([("a", "a")] * 5, ["a", "b"]) == 1.0  # the scale had another value to choose
    assert cohen_kappa([]) is None and krippendorff_alpha([]) is None and gwet_ac1([], ["a", "b"]) is None


def test_claims_pair_by_overlap_most_first_each_once():
    mine = [claim(0, 100, "a"), claim(200, 260, "a"), claim(400, 410, "a")]
    theirs = [claim(10, 100, "b"), claim(0, 40, "b"), claim(220, 260, "b"), claim(405, 440, "b")]
    pairs = pair_claims(mine, theirs)
    assert [(a.start, b.start) for a, b in pairs] == [(0, 10), (200, 220)]  # 405–440 shares too little


def test_pairs_of_analysts_over_the_articles_both_made_claims_in():
    claims = [
        claim(0, 50, "Ana", category="Event", stance="asserts", source="Kim Jong Un"),
        claim(60, 90, "Ana", category="Intent", stance="denies", source="Kremlin"),
        claim(0, 50, "Ben", category="Event", stance="asserts", source="kim jong un"),
        claim(62, 90, "Ben", category="Event", stance="denies", source="The Kremlin"),
        claim(0, 10, "Ben", article_id=2),  # Ana made no claim in article 2: not compared
        claim(0, 50, "", category="Event"),
    ]
    results = {(r.first, r.second): r for r in analysts_agreement(claims)}
    assert set(results) == {("Ana", "Ben"), ("Ana", UNNAMED), ("Ben", UNNAMED)}
    ana_ben = results["Ana", "Ben"]
    assert (ana_ben.articles, ana_ben.first_claims, ana_ben.second_claims, ana_ben.paired, ana_ben.exact) == (
        1, 2, 2, 2, 1,
    )  # fmt: skip
    assert ana_ben.span_f1 == 1.0
    fields = {f.field: f for f in ana_ben.fields}
    assert (fields["category"].agreed, fields["category"].compared, fields["category"].share) == (1, 2, 0.5)
    assert fields["stance"].share == 1.0 and fields["stance"].kappa == 1.0
    assert fields["source"].agreed == 1  # case aside "Kim Jong Un" agrees; "The Kremlin" is another name
    merged = analysts_agreement(claims, source_key=lambda s: s.casefold().removeprefix("the "))
    assert {f.field: f for f in merged[0].fields}["source"].agreed == 2
