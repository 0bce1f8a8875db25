"""Near-duplicates: syndicated copies with small edits are candidates, other stories not."""

import random

from workbench.ingest.similarity import THRESHOLD, band_keys, shingles, similarity

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
