"""Claims counted by one field and split by another: what the claim chart draws."""

from workbench.core.breakdown import ClaimBar, breakdown, table_lines
from workbench.core.model import Category, ClaimSchema

SCHEMA = ClaimSchema(
    categories=(Category("Event", "#1f77b4", "1"), Category("Intent", "#9467bd", "2")),
    stances=("asserts", "denies"),
    statuses=("unverified", "corroborated", "false"),
)


def test_fields_of_the_schema_come_in_its_order_and_so_do_the_parts():
    rows = [("Intent", None, "false", 2), ("Event", None, "false", 1), ("Event", None, "unverified", 3)]
    counts = breakdown(rows, "category", "status", SCHEMA)
    assert counts.bars == (
        ClaimBar("Event", (("unverified", 3), ("false", 1))),
        ClaimBar("Intent", (("false", 2),)),
    )
    assert counts.split_values == ("unverified", "false")  # the legend: only what is drawn
    assert counts.claims == 6 and counts.bars[0].total == 4


def test_a_value_the_schema_lacks_comes_after_its_own():
    rows = [("Zeta", None, "", 1), ("Event", None, "", 1), ("alpha", None, "", 1)]
    assert [bar.value for bar in breakdown(rows, "category", None, SCHEMA).bars] == ["Event", "alpha", "Zeta"]


def test_without_a_split_there_is_no_legend():
    counts = breakdown([("asserts", None, "", 5)], "stance", None, SCHEMA)
    assert counts.bars == (ClaimBar("asserts", (("", 5),)),) and counts.split_values == ()


def test_sources_most_claims_first_the_rest_and_the_unattributed_counted_apart():
    rows = [
        ("Kim Jong Un", 1, "asserts", 2),
        ("Kim Jong Un", 1, "denies", 2),
        ("Vladimir Putin", 2, "asserts", 3),
        ("a spokesman", None, "asserts", 1),
        ("", None, "asserts", 7),
        ("Reuters", None, "denies", 1),
    ]
    counts = breakdown(rows, "source", "stance", SCHEMA, most=2)
    assert [(bar.value, bar.actor_id, bar.total) for bar in counts.bars] == [
        ("Kim Jong Un", 1, 4),
        ("Vladimir Putin", 2, 3),
    ]
    assert counts.left_out == 2 and counts.unattributed == 7 and counts.claims == 16


def test_nothing_counted_is_no_bar():
    counts = breakdown([], "source", "status", SCHEMA)
    assert counts.bars == () and counts.claims == 0


def test_the_table_has_a_row_per_bar_and_a_column_per_part_aligned():
    rows = [("Kim Jong Un", 1, "asserts", 2), ("Kim Jong Un", 1, "denies", 1), ("", None, "asserts", 3)]
    lines = table_lines(breakdown(rows, "source", "stance", SCHEMA))
    assert lines == [
        "source       claims  asserts  denies",
        "Kim Jong Un       3        2       1",
        "(no source)       3",
    ]
