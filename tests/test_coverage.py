"""The coverage page: counts by borough, kind of help and who services are for, with gaps."""
from __future__ import annotations

import datetime as dt

from signpost.coverage import coverage
from signpost.services import Group, Service
from conftest import TODAY, soup


def svc(sid, areas, **kw):
    return Service(id=sid, name=sid, summary="S.", areas=tuple(areas), **kw)


def rows(table):
    return dict(table.rows)


def test_counts_and_gaps(settings):
    services = [
        svc("women-lambeth", ["lambeth"], categories=("domestic-abuse",),
            eligibility=(Group("women", 16),), last_reviewed=TODAY),
        svc("kids-lambeth", ["lambeth"], eligibility=(Group(None, 5, 17),),
            last_reviewed=dt.date(2026, 3, 1)),
        svc("forum-lewisham", ["lewisham"], audiences=("professionals",)),
        svc("helpline", ["national"], categories=("helpline",)),
    ]
    data = coverage(services, settings, TODAY)
    kinds, who, freshness = data["tables"]
    assert kinds.columns == who.columns == ["Lambeth", "Lewisham", "National"]
    assert rows(kinds)["Domestic abuse"] == [1, 0, 0]
    assert rows(kinds)["Helplines"] == [0, 0, 1]
    assert rows(who)["Men and boys, 16 to 17"] == [1, 0, 0]      # the children's service
    assert rows(who)["Women and girls, 18 and over"] == [1, 0, 0]
    assert rows(who)["Men and boys, 18 and over"] == [0, 0, 0]    # a gap
    assert rows(who)["Has not said who it is for"] == [0, 0, 1]
    assert rows(freshness) == {"In the last 6 months": [1, 0, 0], "6 to 12 months ago": [1, 0, 0],
                               "Over 12 months ago, or never": [0, 1, 1]}
    assert data["areas"] == [("Lambeth", 2), ("Lewisham", 1), ("National", 1)]


def test_the_page_marks_gaps_in_words_and_has_a_chart(built):
    page = soup(built / "professionals" / "coverage" / "index.html")
    assert page.h1.get_text() == "What the directory covers"
    assert page.find("svg", attrs={"role": "img", "aria-labelledby": "chart-caption"})
    gaps = page.select("td.app-gap")
    assert gaps and all(td.get_text() == "None" for td in gaps)
    assert all(th.get("scope") for table in page.find_all("table") for th in table.find_all("th"))
    assert soup(built / "professionals" / "index.html").find("a", href="/professionals/coverage/")
