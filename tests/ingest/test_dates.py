import pytest

from workbench.ingest.dates import find_date


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


def test_no_date():
    assert find_date("No date in this line, 2024 people came.") is None


def test_time_zone_does_not_swallow_following_words():
    assert find_date("Jan 14, 2024 at 10:55 pm the talks").raw == "Jan 14, 2024 at 10:55 pm"
