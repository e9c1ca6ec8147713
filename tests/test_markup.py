"""Unit tests: Markdown becomes HTML that holds only what the site allows, whatever the text."""
from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path

import pytest

from signpost.markup import to_html

ROOT = Path(__file__).resolve().parent.parent
# Every character Markdown gives a meaning to, the blocks they sit in, and the unsafe things
# staff must be told about.
PIECES = ["*", "_", "**", "`", "\\", "[", "]", "(", ")", "!", "<", ">", "&", ";", "#", "  ",
          "\n", "\n\n", "\t", "\r", "|", "-", "1.", " ", "a", "word", "https://example.org",
          "/about/", "mailto:a@example.org", "a@example.org", "&amp;", "&#42;", ":", '"',
          "    ", "---", "| a | b |\n|:--|--:|\n", "[x](/y)", "![i](/i.png)", "[r]: /u\n",
          "<https://example.org>", "[j](javascript:alert(1))", "[d](data:text/html,x)",
          "[h](http://example.org)", "<b>", "<script>", "<img src=x onerror=alert(1)>",
          "<!-- c -->", "<?php ?>", "[e](//evil.example)", '[t](/y "title")', "~~x~~"]
# What a converted text may hold: no script, style, image, frame or form, and no attribute
# that runs script or loads anything.
TAGS = {"p", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote", "br", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span"}
ATTRIBUTES = {"href", "rel", "title", "align", "start", "tabindex"}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def texts() -> list[str]:
    pick = random.Random(20261202)
    made = ["".join(pick.choice(PIECES) for _ in range(pick.randint(1, 60))) for _ in range(3000)]
    pages = sorted((ROOT / "content").glob("*.md")) + sorted((ROOT / "tests").rglob("*.md"))
    return made + [p.read_text(encoding="utf-8") for p in pages]


def test_any_text_becomes_only_allowed_elements_with_safe_links():
    for text in texts():
        html, issues = to_html(text)
        for tag, attributes in elements(html):
            assert tag in TAGS and set(attributes) <= ATTRIBUTES, (text, html)
            href = attributes.get("href")
            if href is not None:
                assert href == "#" or href.startswith(("https://", "mailto:", "tel:", "/")), \
                    (text, html)
                assert not href.startswith("//"), (text, html)
                assert (attributes.get("rel") == "noreferrer") == href.startswith("https://")
        if "<script>" in text or "<b>" in text or "<img" in text:
            assert any(i.startswith("contains HTML") for i in issues), text


def test_the_same_text_gives_the_same_html_and_another_text_other_html():
    first = to_html("Call **now** [about](/about/)")
    again = to_html("Call **now** [about](/about/)")
    assert again == first == ('<p>Call <strong>now</strong> <a href="/about/">about</a></p>', [])
    assert to_html("Call *now* [about](/about/)")[0] == \
        '<p>Call <em>now</em> <a href="/about/">about</a></p>'


def test_what_was_unsafe_is_found_each_time_and_cannot_be_changed_by_a_caller():
    text = "[x](javascript:alert(1)) <b>"
    html, issues = to_html(text)
    expected = ["contains HTML ('<b>'): write Markdown instead",
                "link 'javascript:alert(1)' must start with https://, mailto:, tel: or /"]
    assert issues == expected
    issues.append("changed by the caller")
    assert to_html(text) == (html, expected)


def test_images_and_links_are_told_in_the_order_they_come_and_made_harmless():
    html, issues = to_html("[x](http://example.org) ![a **b**](/i.png \"t\") [y](/y) "
                           "[z](data:text/html,x)")
    assert html == '<p><a href="#">x</a> <span>a b</span> <a href="/y">y</a> <a href="#">z</a></p>'
    assert issues == ["link 'http://example.org' must start with https://, mailto:, tel: or /",
                      "images are not allowed (they load from other sites)",
                      "link 'data:text/html,x' must start with https://, mailto:, tel: or /"]


def test_html_that_looks_like_no_tag_is_refused_too_and_never_shown():
    for text, quoted in (("<?php echo 1; ?>", "<?php echo 1; ?>"), ("Hi\n\n<script\nx", "<script"),
                         ("<!DOCTYPE html>", "<!DOCTYPE html>")):
        html, issues = to_html(text)
        assert issues == [f"contains HTML ({quoted!r}): write Markdown instead"]
        assert "script" not in html and "php" not in html and "DOCTYPE" not in html


def test_lists_and_tables_read_as_github_shows_them():
    html, issues = to_html("Ways to get help:\n- call us\n- email us\n\n| a | b |\n|:--|--:|\n"
                           "| 1 | 2 |")
    assert issues == []
    assert "<p>Ways to get help:</p>\n<ul>\n<li>call us</li>\n<li>email us</li>\n</ul>" in html
    assert '<th align="left">a</th>' in html and "style" not in html


def test_mail_and_phone_links_hold_one_address_or_number_alone():
    html, issues = to_html("[a](mailto:help@example.org) [b](tel:02079460000) "
                           "[c](tel:+44%2020%207946%200000) "
                           "[d](mailto:help@example.org?bcc=spy@evil.example&body=hi) "
                           "[e](mailto:help@example.org%3Fbcc=spy@evil.example) "
                           "[f](mailto:a@example.org,b@evil.example) [g](tel:javascript:alert(1))")
    assert [a["href"] for tag, a in elements(html) if tag == "a"] == [
        "mailto:help@example.org", "tel:02079460000", "tel:+44%2020%207946%200000",
        "#", "#", "#", "#"]
    assert issues == [
        "link 'mailto:help@example.org?bcc=spy@evil.exa' must be mailto: and one email address "
        "alone",
        "link 'mailto:help@example.org%3Fbcc=spy@evil.e' must be mailto: and one email address "
        "alone",
        "link 'mailto:a@example.org,b@evil.example' must be mailto: and one email address alone",
        "link 'tel:javascript:alert(1)' must be tel: and a UK phone number, or an international "
        "one starting with +"]


@pytest.mark.parametrize("text, top, html", [
    # A description sits under "About the service" (an <h2>): its headings start at <h3>.
    ("# Who we help\n\n## Ages", 3, "<h3>Who we help</h3>\n<h4>Ages</h4>"),
    ("#### Ages", 3, "<h3>Ages</h3>"),
    # A help page's sit under its title, the one <h1>.
    ("# Staying safe\n\n## Phones", 2, "<h2>Staying safe</h2>\n<h3>Phones</h3>"),
    ("## Phones", 2, "<h2>Phones</h2>"),
])
def test_headings_take_their_place_under_the_page_s_own(text, top, html):
    assert to_html(text, top) == (html, [])
