"""Follow-up periods: checking a range, agreement years, pro-rating and the default halves."""

import datetime as dt

import pytest

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.followup.period import Period, add_months, agreement_years, default_halves, pro_rated

D = dt.date


def test_a_period_whose_first_day_is_after_its_last_is_refused_in_swedish() -> None:
    with pytest.raises(ValidationError) as raised:
        Period(D(2024, 10, 1), D(2024, 9, 30))
    assert raised.value.field == "period"
    assert "2024-10-01" in raised.value.message and "efter" in raised.value.message


def test_a_single_day_is_a_period() -> None:
    day = Period(D(2024, 5, 1), D(2024, 5, 1))
    assert day.days == 1
    assert D(2024, 5, 1) in day and D(2024, 5, 2) not in day
    assert day.label == "2024-05-01 – 2024-05-01"


def test_overlap_in_days() -> None:
    half = Period(D(2024, 4, 1), D(2024, 9, 30))
    assert half.days == 183
    assert half.overlap_days(Period(D(2024, 9, 1), D(2024, 12, 31))) == 30
    assert half.overlap_days(Period(D(2024, 10, 1), D(2024, 12, 31))) == 0


def test_months_are_added_to_the_last_day_when_the_day_is_missing() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2024, 4, 1), 6) == D(2024, 10, 1)
    assert add_months(D(2024, 4, 1), -4) == D(2023, 12, 1)


def test_agreement_years_are_counted_from_its_first_day_and_cut_at_its_end() -> None:
    assert agreement_years(D(2023, 4, 1), D(2025, 9, 30)) == [
        (Period(D(2023, 4, 1), D(2024, 3, 31)), 366),  # over 29 February 2024
        (Period(D(2024, 4, 1), D(2025, 3, 31)), 365),
        # Cut at the end, but pro-rated over the whole year it begins.
        (Period(D(2025, 4, 1), D(2025, 9, 30)), 365),
    ]


def test_a_yearly_obligation_is_pro_rated_day_by_day_over_each_agreement() -> None:
    calendar_2024 = Period(D(2024, 1, 1), D(2024, 12, 31))
    # 2023/24 runs over 29 February 2024 (366 days), of which 91 fall in 2024; 2024/25 has 365, 275 in 2024.
    assert pro_rated(6, D(2023, 4, 1), D(2024, 3, 31), calendar_2024) == pytest.approx(6 * 91 / 366)
    assert pro_rated(8, D(2024, 4, 1), D(2025, 3, 31), calendar_2024) == pytest.approx(8 * 275 / 365)
    assert pro_rated(
        6, D(2023, 4, 1), D(2024, 3, 31), Period(D(2023, 4, 1), D(2023, 9, 30))
    ) == pytest.approx(6 * 183 / 366)
    assert pro_rated(6, D(2020, 4, 1), D(2021, 3, 31), calendar_2024) == 0


def test_the_default_periods_are_the_halves_of_the_agreement_year_today_falls_in() -> None:
    agreements = [(D(2023, 4, 1), D(2024, 3, 31)), (D(2024, 4, 1), D(2025, 3, 31))]
    halves = [Period(D(2024, 4, 1), D(2024, 9, 30)), Period(D(2024, 10, 1), D(2025, 3, 31))]
    assert default_halves(agreements, D(2024, 11, 25)) == halves
    assert default_halves(agreements, D(2024, 4, 1)) == halves
    assert default_halves(agreements, D(2024, 3, 31)) == [
        Period(D(2023, 4, 1), D(2023, 9, 30)),
        Period(D(2023, 10, 1), D(2024, 3, 31)),
    ]


def test_a_longer_agreement_gives_the_halves_of_its_current_year() -> None:
    assert default_halves([(D(2023, 4, 1), D(2025, 3, 31))], D(2024, 12, 1)) == [
        Period(D(2024, 4, 1), D(2024, 9, 30)),
        Period(D(2024, 10, 1), D(2025, 3, 31)),
    ]


def test_after_the_last_agreement_its_years_are_carried_on_to_today() -> None:
    assert default_halves([(D(2023, 4, 1), D(2024, 3, 31))], D(2026, 2, 10)) == [
        Period(D(2025, 4, 1), D(2025, 9, 30)),
        Period(D(2025, 10, 1), D(2026, 3, 31)),
    ]


def test_without_an_agreement_the_halves_of_the_calendar_year() -> None:
    expected = [Period(D(2026, 1, 1), D(2026, 6, 30)), Period(D(2026, 7, 1), D(2026, 12, 31))]
    assert default_halves([], D(2026, 11, 25)) == expected
    assert default_halves([(D(2027, 4, 1), D(2028, 3, 31))], D(2026, 11, 25)) == expected
