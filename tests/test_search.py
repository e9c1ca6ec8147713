"""Unit tests: the facets that make search filters exact, and the hours code."""
from __future__ import annotations

import pytest

from signpost.search import hours_code, who_ranges, who_values
from signpost.services import Group, Hours, Period, Service


def svc(*groups, audiences=("residents",)):
    return Service(id="s", name="S", summary="S.", areas=("lambeth",), audiences=audiences,
                   eligibility=tuple(groups))


GENDERS = ["women", "men", "non-binary"]


@pytest.mark.parametrize("age, band", [(0, "0"), (15, "15"), (25, "25"), (26, "26-59"),
                                       (59, "26-59"), (60, "60+"), (120, "60+")])
def test_age_bands(age, band):
    assert who_values(svc(Group("women", age, age)), GENDERS) == [f"women {band}"]


def test_gender_and_age_are_combined():
    athena = svc(Group("women", 13), Group("men", 16))
    values = who_values(athena, GENDERS)
    assert "women 14" in values and "men 14" not in values and "men 16" in values
    assert "women 12" not in values and "women 60+" in values


def test_bands_match_when_they_overlap():
    assert who_values(svc(Group(None, 5, 17)), ["women"]) == [f"women {n}" for n in range(5, 18)]
    assert who_values(svc(Group("men", 30, 40)), GENDERS) == ["men 26-59"]


def test_unstated_eligibility_matches_everyone_and_professional_only_nobody():
    assert len(who_values(svc(), GENDERS)) == 3 * 28
    assert who_values(svc(audiences=("professionals",)), GENDERS) == []


def test_who_ranges():
    assert who_ranges(svc(Group("women", 13), Group(None, None, 17))) == "women:13-120 any:0-17"
    assert who_ranges(svc()) == ""
    assert who_ranges(svc(audiences=("professionals",))) == "-"


def test_hours_code():
    assert hours_code(None) == ""
    assert hours_code(Hours(always=True)) == "24/7"
    assert hours_code(Hours(periods=(Period(("mon", "tue"), "09:00", "17:00"),
                                     Period(("sat",), "22:00", "02:00")))) == \
        "mon,tue 09:00-17:00;sat 22:00-02:00"
