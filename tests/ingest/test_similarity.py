"""Near-duplicates: syndicated copies with small edits are candidates, other stories not."""

import random

from workbench.ingest.similarity import THRESHOLD, band_keys, body_band_keys, shingles, similarity

random.seed(7)
WORDS = [f"w{i}" for i in range(3000)]


def story(n=300):
    return " ".join(random.choice(WORDS) for _ in range(n))


def edited(text, edits):
    words = text.split()
    for i in random.sample(range(len(words)), edits):
        words[i] = "changed"
    return " ".join(words)


def test_syndicated_copy_with_small_edits_is_alike_and_shares_a_band():
    original = story()
    copy = "Updated: " + edited(original, 6) + " Reporting by a news agency."
    a, b = shingles(original), shingles(copy)
    assert similarity(a, b) >= THRESHOLD
    assert set(band_keys(a)) & set(band_keys(b))


def test_different_stories_share_no_band():
    pairs = [(story(), story()) for _ in range(20)]
    assert all(not set(band_keys(shingles(x))) & set(band_keys(shingles(y))) for x, y in pairs)


def test_case_and_punctuation_do_not_matter_and_short_bodies_are_not_compared():
    assert shingles("The Minister, said: yes it is so.").tolist() == shingles("the minister said yes it is so").tolist()
    assert band_keys(shingles("Too short to compare.")) == []
    assert len(band_keys(shingles(story()))) == 32


def test_similarity_is_the_jaccard_index_of_the_5_grams():
    a = "one two three four five six seven"  # 3 shingles
    b = "one two three four five six eight"  # 2 shared, 1 of its own
    assert similarity(shingles(a), shingles(b)) == 2 / 4
    assert similarity(shingles(a), shingles(a)) == 1.0
    assert similarity(shingles(a), shingles("")) == 0.0


def test_distinct_5_grams_get_distinct_hashes():
    words = [f"w{i}" for i in range(5000)]
    assert len(shingles(" ".join(words))) == len(words) - 4


def test_pairs_become_candidates_as_the_banding_curve_says():
    """32 bands of 4 rows: at similarity 0.6 nearly every pair is a candidate, at 0.17 few."""

    def candidate_rate(edits):
        hits = 0
        for _ in range(100):
            original = story()
            a, b = shingles(original), shingles(edited(original, edits))
            hits += bool(set(band_keys(a)) & set(band_keys(b)))
        return hits / 100

    assert candidate_rate(15) >= 0.95  # 5 % of words edited: similarity ≈ 0.6
    assert candidate_rate(60) <= 0.15  # 20 %: similarity ≈ 0.17


def test_band_keys_never_change_as_projects_store_them():
    text = " ".join(f"word{i}" for i in range(40))
    assert band_keys(shingles(text))[:3] == [-7989695501431185585, -2274037973217931781, -3826458786285994432]


def test_a_body_has_the_band_keys_of_its_shingle_set():
    body = story() + " " + story(40) * 3  # repeated 5-grams
    assert body_band_keys(body) == band_keys(shingles(body))
