"""Unit tests: the speed-ups of the Markdown conversion give what the plain converter gives."""
from __future__ import annotations

import random
from pathlib import Path

from signpost import markup
from signpost.markup import make_converter, to_html

ROOT = Path(__file__).resolve().parent.parent
# Every character an inline pattern starts from, and the blocks they sit in.
PIECES = ["*", "_", "**", "`", "\\", "[", "]", "(", ")", "!", "<", ">", "&", ";", "#", "  ",
          "\n", "\n\n", "\t", "\r", "|", "-", "1.", " ", "a", "word", "https://example.org",
          "/about/", "mailto:a@example.org", "a@example.org", "&amp;", "&#42;", ":", '"',
          "    ", "---", "| a | b |\n|--|--|\n", "[x](/y)", "![i](/i.png)", "[r]: /u\n",
          "<https://example.org>", "\x02", "\x03"]


def plain(text: str) -> tuple[str, list[str]]:
    """The converter with every inline pattern, as to_html would use it without its choice."""
    converter = make_converter()
    converter.unsafe = []
    return converter.convert(text), converter.unsafe


def texts() -> list[str]:
    pick = random.Random(20261201)
    made = ["".join(pick.choice(PIECES) for _ in range(pick.randint(1, 60))) for _ in range(3000)]
    pages = sorted((ROOT / "content").glob("*.md")) + sorted((ROOT / "tests").rglob("*.md"))
    return made + [p.read_text(encoding="utf-8") for p in pages]


def test_a_converter_without_the_patterns_a_text_cannot_use_gives_the_same_html():
    differ = []
    for text in texts():
        converter = markup._converter_for(text)
        converter.reset()
        converter.unsafe = []
        if (converter.convert(text), converter.unsafe) != plain(text):
            differ.append(text)
    assert differ == []
    assert len(markup._converters) > 8  # the texts did leave patterns out, in many ways


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
