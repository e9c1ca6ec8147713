"""Keeping listings fresh: the review report, overdue warnings, and pull-request annotations."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from signpost.problems import Problem, annotation
from signpost.review import overdue_warnings, review_report, review_state
from signpost.services import Service
from conftest import FIXTURE, ROOT, TODAY


def svc(sid, reviewed, owner=""):
    return Service(id=sid, name=sid.title(), summary="S.", areas=("lambeth",),
                   last_reviewed=reviewed, owner=owner, line=7)


def test_states():
    assert review_state(svc("a", TODAY - dt.timedelta(days=100)), TODAY) == "fresh"
    assert review_state(svc("a", TODAY - dt.timedelta(days=200)), TODAY) == "due"
    assert review_state(svc("a", TODAY - dt.timedelta(days=400)), TODAY) == "overdue"
    assert review_state(svc("a", None), TODAY) == "overdue"


def test_report_lists_oldest_first_with_owners():
    services = [svc("due", dt.date(2026, 4, 1)), svc("old", dt.date(2024, 1, 1), "team@x.org"),
                svc("older", dt.date(2023, 1, 1)), svc("new", TODAY)]
    assert review_report(services, TODAY).splitlines() == [
        "Overdue (not checked for over 12 months): 2",
        "  2023-01-01  older  (Older)",
        "  2024-01-01  old  (Old)  owner: team@x.org",
        "Due for review (not checked for over 6 months): 1",
        "  2026-04-01  due  (Due)",
        "Checked in the last 6 months: 1 of 4",
    ]


def test_overdue_listings_warn():
    [warning] = overdue_warnings([svc("old", dt.date(2024, 1, 1)), svc("new", TODAY)], "s.yaml", TODAY)
    assert str(warning) == ("s.yaml:7: service 'old': last_reviewed: not checked for over 12 months "
                            "(last checked 2024-01-01): check the details with the service and "
                            "update last_reviewed")


def test_a_file_name_cannot_act_on_the_terminal_or_the_annotation():
    problem = Problem("content/x\x1b[31mRED\x1b[0m\n.md", 1, "bad \x1b[2J", "s", "f")
    assert str(problem) == "content/x\\x1b[31mRED\\x1b[0m\\n.md:1: service 's': f: bad \\x1b[2J"
    assert annotation(problem) == ("::error file=content/x\\x1b[31mRED\\x1b[0m\\n.md,line=1::"
                                   "service 's': f: bad \\x1b[2J")


def test_annotations_escape_what_github_reads():
    problem = Problem("services.yaml", 31, "must be 50% sure,\nreally", "gaia-centre", "phones.number")
    assert annotation(problem) == ("::error file=services.yaml,line=31::service 'gaia-centre': "
                                   "phones.number: must be 50%25 sure,%0Areally")


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})})


def test_check_annotates_problems_in_github_actions(tmp_path):
    bad = tmp_path / "services.yaml"
    bad.write_text((FIXTURE / "services.yaml").read_text().replace("020 7946 0002", "0123"))
    result = run_cli("check", "--services", str(bad), "--content", str(FIXTURE / "content"),
                     env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert f"::error file={bad},line=31::service 'lambeth-women-service': phones.number: must be a " \
           "UK phone number" in result.stderr


def test_check_warns_on_overdue_listings_without_failing():
    result = run_cli("check", "--services", str(FIXTURE / "services.yaml"), "--content",
                     str(FIXTURE / "content"))
    assert result.returncode == 0
    assert f"warning: {FIXTURE / 'services.yaml'}:21: service 'lambeth-women-service': " \
           "last_reviewed: not checked for over 12 months (last checked 2025-01-15)" in result.stderr
    report = run_cli("report", "--services", str(FIXTURE / "services.yaml"), "--content",
                     str(FIXTURE / "content"))
    assert report.returncode == 0 and report.stdout.startswith("Overdue (not checked for over 12")
