"""Unit tests: content pages (front matter) and the Markdown safety rules."""
from __future__ import annotations

import pytest

from signpost.content import load_pages, read_page, split_front_matter
from signpost.markup import to_html


def write(tmp_path, text, name="help-page.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_page(tmp_path):
    path = write(tmp_path, "---\ntitle: Help\nsummary: Short.\naudience: professionals\n---\n\n"
                           "Some **help**.\n")
    page, problems = read_page(path, "content/help-page.md")
    assert problems == []
    assert (page.url, page.title, page.audience) == ("/help-page/", "Help", "professionals")
    assert page.html == "<p>Some <strong>help</strong>.</p>"


@pytest.mark.parametrize("text, expected", [
    ("No front matter\n", "content/help-page.md:1: front matter is missing: start the file with "
                          "'---' on a line of its own, then title: and summary:, then '---'"),
    ("---\ntitle: Help\nsummary: S.\nBody\n", "content/help-page.md:1: the front matter that "
     "starts here has no '---' line to end it: put '---' on a line of its own after summary:"),
    ("\n---\ntitle: Help\nsummary: S.\n---\nBody\n", "content/help-page.md:1: the first line "
     "must be '---': take out the blank line above it"),
    ("---\ntitle: Help\nsummary: S.\n---\nBody.\n\nMore.\n\nA [link](http://example.org/).\n",
     "content/help-page.md:9: link 'http://example.org/' must start with https://, mailto:, "
     "tel: or /"),
    ("---\ntitel: Help\nsummary: S.\n---\nBody\n",
     "content/help-page.md:2: front matter: unknown key 'titel' (did you mean 'title'?)"),
    ("---\nsummary: S.\n---\nBody\n", "content/help-page.md:1: front matter: title is required"),
    ("---\ntitle: Help\nsummary: S.\naudience: staff\n---\nBody\n",
     "content/help-page.md:4: front matter: audience must be residents or professionals"),
    ("---\ntitle: Help\nsummary: S.\nkeywords: gaslighting, red flags\n---\nBody\n",
     "content/help-page.md:4: front matter: keywords: several values go in square brackets, "
     "with commas: [gaslighting, red flags]"),
    ("---\ntitle: [Help\nsummary: S.\n---\nBody\n",
     "content/help-page.md:2: this is not valid YAML: a value that starts with '[' must be in "
     "double quotes (a list in brackets ends with ']', with ',' between its items)"),
    ("---\ntitle: Help\nsummary: S.\n---\n\n<iframe src=x></iframe>\n",
     "content/help-page.md:6: contains HTML ('<iframe src=x>'): write Markdown instead"),
])
def test_bad_pages(tmp_path, text, expected):
    page, problems = read_page(write(tmp_path, text), "content/help-page.md")
    assert page is None
    assert [str(p) for p in problems][:1] == [expected]


@pytest.mark.parametrize("front, expected", [
    ("title: Help\nsummary: " + "s" * 301 + "\naudience: profesionals\n",
     ["content/help-page.md:3: front matter: summary is too long (301 characters; keep it "
      "under 300)", "content/help-page.md:4: front matter: audience must be residents or "
      "professionals (did you mean 'professionals'?)"]),
    ("title: ''\nsummary: S.\n", ["content/help-page.md:2: front matter: title is required"]),
    ("title: [Help]\nsummary: S.\n",
     ["content/help-page.md:2: front matter: title must be text, not a list or a mapping"]),
    ("- a list\n", ["content/help-page.md:1: front matter: title is required",
                    "content/help-page.md:1: front matter: summary is required"]),
    ("titel: Help\nsumary: S.\n",
     ["content/help-page.md:2: front matter: unknown key 'titel' (did you mean 'title'?)",
      "content/help-page.md:3: front matter: unknown key 'sumary' (did you mean 'summary'?)",
      "content/help-page.md:1: front matter: title is required",
      "content/help-page.md:1: front matter: summary is required"]),
])
def test_every_front_matter_problem_at_once(tmp_path, front, expected):
    page, problems = read_page(write(tmp_path, f"---\n{front}---\nBody\n"), "content/help-page.md")
    assert page is None
    assert [str(p) for p in problems] == expected


def test_front_matter_values_are_trimmed_and_audience_defaults_to_residents(tmp_path):
    page, problems = read_page(write(tmp_path, "---\ntitle: '  Help '\nsummary: Short.\n---\nB\n"),
                               "content/help-page.md")
    assert problems == []
    assert (page.title, page.summary, page.audience) == ("Help", "Short.", "residents")


def test_bad_file_name(tmp_path):
    path = write(tmp_path, "---\ntitle: Help\nsummary: S.\n---\nBody\n", name="Help Page.md")
    _, problems = read_page(path, "content/Help Page.md")
    assert "file name must be lower-case" in str(problems[0])


def test_front_matter_is_split_with_the_body_line():
    assert split_front_matter("---\na: 1\n---\nbody\n") == ("a: 1\n", "body\n", 4)
    assert split_front_matter("body only") == (None, "body only", 1)


def test_all_problems_in_a_folder(tmp_path):
    write(tmp_path, "no front matter", "one.md")
    write(tmp_path, "---\ntitle: T\n---\nWords.\n", "two.md")
    pages, problems = load_pages(tmp_path, "content")
    assert pages == []
    assert [p.file for p in problems] == ["content/one.md", "content/two.md"]


def test_a_page_saved_under_another_name_or_in_a_folder_is_told_not_left_out(tmp_path):
    good = "---\ntitle: Help\nsummary: S.\n---\nBody\n"
    for name in ("help.md", "croydon.markdown", "croydon.MD", "croydon.md.txt", ".gitkeep",
                 "Thumbs.db", "desktop.ini", "help.md~"):
        write(tmp_path, good, name)
    (tmp_path / "lambeth").mkdir()
    write(tmp_path / "lambeth", good, "croydon.md")
    pages, problems = load_pages(tmp_path, "content")
    assert [page.slug for page in pages] == ["help"]
    assert [str(p) for p in problems] == [
        f"content/{name}:1: is not a help page: help pages are files named like "
        "page-name.md, directly in the content folder"
        for name in ("croydon.MD", "croydon.markdown", "croydon.md.txt", "lambeth")]


@pytest.mark.parametrize("markdown, html", [
    ("<script>alert(1)</script>", "<!-- raw HTML omitted -->"),
    ('<img src=x onerror="alert(1)">', "<!-- raw HTML omitted -->"),
    ("[x](javascript:alert(1))", '<p><a href="#">x</a></p>'),
    ("[x](https://example.org)", '<p><a href="https://example.org" rel="noreferrer">x</a></p>'),
    ("![alt](https://tracker.example.org/p.gif)", "<p><span>alt</span></p>"),
    ("a < b and <3", "<p>a &lt; b and &lt;3</p>"),
])
def test_markdown_never_passes_through_code(markdown, html):
    assert to_html(markdown)[0] == html


def test_table_alignment_uses_attributes_not_style():
    html, issues = to_html("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert issues == []
    assert 'align="left"' in html and "style" not in html


def test_the_scripts_fill_in_the_placeholders_the_wording_check_asks_for():
    """SCRIPT_PLACEHOLDERS, which `check` holds the script wording to, is what the scripts
    fill in, for every script text of the wording that has placeholders."""
    import re
    import string
    from conftest import ROOT
    from signpost.wording import SCRIPT_PLACEHOLDERS
    from signpost.yamlfile import load_yaml
    wording, _ = load_yaml((ROOT / "locales" / "en-GB.yaml").read_text(encoding="utf-8"), "w")
    with_names = {key: {n for _, n, _, _ in string.Formatter().parse(text) if n}
                  for key, text in wording["js"].items() if isinstance(text, str)}
    assert {k: v for k, v in with_names.items() if v} == SCRIPT_PLACEHOLDERS
    scripts = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "assets" / "js").glob("*.js"))
    for key, names in SCRIPT_PLACEHOLDERS.items():
        assert re.search(rf"\.{key}\b|\"{key}\"", scripts), key  # TEXT.key, or TEXT["key"]
        for name in names:  # replaced as "{name}", or given as { name: ... } to fill()
            assert f'"{{{name}}}"' in scripts or re.search(rf"[{{,]\s*{name}\b", scripts), name


def test_each_script_finds_the_wording_it_uses_on_the_pages_that_load_it():
    """Every page carries on <body> the script wording open-now.js, filter-list.js and the
    place finder use (render.EVERY_PAGE_TEXT); the search page carries the rest on its form.
    A text a script shows that its pages do not carry would show as "undefined"."""
    import re
    from conftest import ROOT
    from signpost.render import EVERY_PAGE_TEXT
    from signpost.yamlfile import load_yaml
    wording, _ = load_yaml((ROOT / "locales" / "en-GB.yaml").read_text(encoding="utf-8"), "w")
    texts = set(wording["js"])
    finder = {key for key in texts if key.startswith("finder_")}

    def used(script: str) -> set[str]:  # TEXT.key, text.key, TEXT["key"], TEXT[x ? "a" : "b"]
        code = (ROOT / "assets" / "js" / script).read_text(encoding="utf-8")
        found = set(re.findall(r"\b(?:TEXT|text)\.([a-z_]+)", code))
        for inside in re.findall(r"\bTEXT\[([^\]]*)\]", code):
            found.update(re.findall(r'"([a-z_]+)"', inside))
        return found & texts
    for script in ("open-now.js", "filter-list.js"):
        assert used(script) and used(script) <= EVERY_PAGE_TEXT, script
    assert used("place-lookup.js") - finder <= EVERY_PAGE_TEXT
    # The search page carries every text but the finder's, which rides in the finder's block.
    assert used("search.js") and not (used("search.js") | used("search-words.js")) & finder
    assert EVERY_PAGE_TEXT <= texts  # no text promised that the wording does not have


def test_keywords_are_words_people_type_that_find_the_page(tmp_path):
    page, problems = read_page(write(tmp_path, "---\ntitle: Help\nsummary: Short.\nkeywords: "
                                               "[gaslighting, ' red flags ']\n---\nB\n"),
                               "content/help-page.md")
    assert problems == []
    assert page.keywords == ("gaslighting", "red flags")
    page, problems = read_page(write(tmp_path, "---\ntitle: Help\nsummary: Short.\n---\nB\n"),
                               "content/help-page.md")
    assert page.keywords == ()
