"""Accessibility checks that need no browser: valid HTML (the Nu HTML Checker) on every
page, and plain language in the content pages and the interface wording."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import textstat
from bs4 import BeautifulSoup

from signpost.content import load_pages
from signpost.render import load_locale
from conftest import ROOT
from weight import pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Measure: Flesch-Kincaid grade level (a US school grade; a UK reading age is about the grade
# plus 5), syllables from pyphen's British English dictionary. Residents' pages aim at a
# reading age of 9 to 11, so grade 5 at most; professionals' pages may use the words of
# their work, so grade 8 at most. No sentence on a residents' page runs past 25 words.
MAX_GRADE = {"residents": 5.0, "professionals": 8.0}
MAX_SENTENCE_WORDS = 25
textstat.set_lang("en_GB")


def run_vnu(*targets):
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker (make test installs it)"
    assert VNU.exists(), "vnu-jar is missing: run npm ci (make test does)"
    return subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html",
                           *map(str, targets)], capture_output=True, text=True)


def test_every_page_is_valid_html(site):
    result = run_vnu(*sorted(pages(site.site_dir)))
    assert result.stderr + result.stdout == "" and result.returncode == 0


def test_the_checker_catches_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text('<!DOCTYPE html><html lang="en"><title>x</title>'
                                       '<p><div>block in a paragraph</p></div><h3>skip</h3>')
    result = run_vnu(tmp_path)
    assert result.returncode != 0 and "error" in result.stderr


def sentences(html: str) -> str:
    """Each paragraph, list item and cell as sentences (a list item is one)."""
    blocks = [e.get_text(" ", strip=True) for e in BeautifulSoup(html, "html.parser")
              .find_all(["p", "li", "td", "th"])]
    return "\n".join(b if b.endswith((".", "?", "!", ":")) else b + "." for b in blocks if b)


PAGES, _ = load_pages(ROOT / "content", "content")


@pytest.mark.data  # the content pages are the real directory's, edited by staff
@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_content_pages_are_plain_language(page):
    text = sentences(page.html)
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE[page.audience]
    if page.audience == "residents":
        longest = max(re.split(r"(?<=[.?!:])\s+", text), key=lambda s: len(s.split()))
        assert len(longest.split()) <= MAX_SENTENCE_WORDS, longest


def test_interface_wording_is_plain_language():
    wording = load_locale(ROOT / "locales" / "en-GB.yaml")
    texts = [v for v in wording.values() if isinstance(v, str)] + \
            [v for v in wording["js"].values() if isinstance(v, str)]
    text = "\n".join(t if t.endswith((".", "?", "!", ":")) else t + "." for t in texts)
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE["residents"]


def test_the_measure_tells_hard_text_from_plain():
    hard = ("Notwithstanding the aforementioned considerations, multi-agency safeguarding "
            "arrangements necessitate comprehensive information-sharing protocols.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE["professionals"]
    assert textstat.flesch_kincaid_grade("You can call us. We will listen.") <= MAX_GRADE["residents"]
