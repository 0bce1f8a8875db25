import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.dates import DATE_PATTERN, _parsed_iso, _to_iso, find_date


@pytest.mark.parametrize(
    "text,iso",
    [
        ("Update: 2023-08-16 05:33 GMT", "2023-08-16"),
        ("January 14, 2024 at 10:51 pm EST", "2024-01-14"),
        ("Jan. 14, 2024", "2024-01-14"),
        ("Sept 5 2021", "2021-09-05"),
        ("14 January 2024", "2024-01-14"),
        ("Tuesday, 3rd of March 2022", "2022-03-03"),
        ("2021/7/9", "2021-07-09"),
        ("25/12/2023", "2023-12-25"),
        ("12/25/2023", "2023-12-25"),
        ("2023-11-07T10:00:00Z", "2023-11-07"),
    ],
)
def test_dates_in_the_usual_formats(text, iso):
    assert find_date(text).iso == iso


def test_ambiguous_day_month_has_no_iso():
    found = find_date("on 03/04/2024")
    assert found.raw == "03/04/2024" and found.iso is None


def test_dotted_dates_are_day_first():
    assert find_date("Veröffentlicht am 06.05.2018").iso == "2018-05-06"
    assert find_date("03.04.2024, 14:05 Uhr").iso == "2024-04-03"
    assert find_date("12.31.2024").iso == "2024-12-31"  # no month 31: month first after all


def test_no_date():
    assert find_date("No date in this line, 2024 people came.") is None


def test_time_zone_does_not_swallow_following_words():
    assert find_date("Jan 14, 2024 at 10:55 pm the talks").raw == "Jan 14, 2024 at 10:55 pm"


month = st.sampled_from(
    ["Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July"]
    + ["Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December"]
).flatmap(lambda m: st.sampled_from([m, m.upper(), m.lower(), m + "."]))
day = st.tuples(st.integers(0, 39), st.sampled_from(["", "st", "nd", "rd", "th"])).map(lambda d: f"{d[0]}{d[1]}")
year = st.integers(1000, 2999).map(str)
iso = st.tuples(year, st.integers(0, 19), st.integers(0, 39)).map(lambda d: f"{d[0]}-{d[1]:02d}-{d[2]:02d}")
mdy = st.tuples(month, day, st.sampled_from([" ", ", ", ",  "]), year).map(lambda d: f"{d[0]} {d[1]}{d[2]}{d[3]}")
dmy = st.tuples(day, st.sampled_from([" ", " of "]), month, st.sampled_from([" ", ", "]), year).map("".join)
weekday = st.sampled_from(["", "Monday, ", "Tue. ", "Sunday "])


@settings(max_examples=500, deadline=None)
@given(weekday, st.one_of(iso, mdy, dmy), st.sampled_from(["", " at 10:30 am EST", "T10:00:00Z"]))
def test_dates_read_directly_are_what_dateutil_reads(prefix, date, time):
    """The usual forms are read without python-dateutil, with the same result."""
    match = DATE_PATTERN.search(prefix + date + time)
    if match:
        assert _to_iso(match) == _parsed_iso(match)
