"""The build renders, checks and writes one output at a time, gives the search index its
pages first so that it is built while the rest is written, and still publishes nothing when
a problem is found after the index has started."""
from __future__ import annotations

import pytest

from conftest import TODAY, make_project

from signpost import pipeline, render, renderers, writer
from signpost.pipeline import build
from signpost.problems import BuildFailed
from signpost.search import SearchIndex


def test_each_output_is_written_before_the_next_is_rendered_and_the_index_starts_early(
        tmp_path, monkeypatch):
    project = make_project(tmp_path / "p")
    events = []

    class Recording(SearchIndex):
        def start(self, shards):
            events.append(("start", shards))

        def written(self):
            events.append(("written", ""))

        def finish(self):
            events.append(("finish", ""))

    rendering, writing = render.render_one, writer.SiteWriter.write
    monkeypatch.setattr(render, "render_one", lambda env, output: (
        events.append(("render", output.dest_path)), rendering(env, output))[1])
    monkeypatch.setattr(writer.SiteWriter, "write", lambda self, output, text: (
        writing(self, output, text), events.append(("write", output.dest_path)))[0])
    monkeypatch.setattr(pipeline, "SearchIndex", Recording)
    # Every event seen here: no child reads, renders or writes. (The renderers' own check
    # forked once the fixture had over 100 outputs, and no render was seen after the start.)
    for module in (pipeline, renderers):
        monkeypatch.setattr(module, "can_fork", lambda cores_needed=1: False)
    build(project, today=TODAY)

    kinds = [kind for kind, _ in events]
    rendered = [path for kind, path in events if kind == "render"]
    # No page waits in memory for the others: the one rendered is written next.
    for n, (kind, path) in enumerate(events):
        if kind == "render":
            assert events[n + 1] == ("write", path)
    # The index is told to start on every page it indexes (one shard here) once they are
    # written, before any other page is rendered; and it is waited for only at the end.
    start = kinds.index("start")
    [indexed] = events[start][1]
    written = [path for kind, path in events[:start] if kind == "write"]
    content = {f"{page.stem}/index.html" for page in project.content_dir.glob("*.md")}
    services = {path for path in rendered
                if path.startswith("services/") and path.count("/") == 2}
    assert len(indexed) == len(set(indexed)) and set(indexed) == services | content
    assert len(services) == 3 and content and set(written) == set(indexed)
    after = [path for kind, path in events[start:] if kind == "render"]
    assert "index.html" in after and "sitemap.xml" in after and after[0] not in indexed
    assert kinds.count("start") == 1 and kinds.count("written") == 1 and kinds[-1] == "finish"
    assert kinds.index("written") > start


def test_a_problem_found_after_the_index_started_publishes_nothing(tmp_path, monkeypatch):
    """A broken link is known only once every page is read: by then Pagefind is running
    over the stage. It is stopped, the stage removed and the last good site kept."""
    project = make_project(tmp_path / "p", copy=("templates",))
    build(project, today=TODAY)
    before = {p.relative_to(project.out_dir): p.read_bytes()
              for p in project.out_dir.rglob("*") if p.is_file()}
    base = project.templates_dir / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("</main>", '<a href="/abuot/">About</a></main>', 1),
                    encoding="utf-8")
    started = []

    class Watched(SearchIndex):
        def start(self, shards):
            super().start(shards)
            started.append(self)

    monkeypatch.setattr(pipeline, "SearchIndex", Watched)
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert [p.message.split(" (on ")[0] for p in failed.value.problems] == [
        "link to /abuot/ goes to a page that does not exist"]
    [index] = started  # Pagefind was started on the stage, and is stopped
    assert index.process.poll() is not None and index.process.stdout.closed
    assert not index.site_dir.exists()
    assert sorted(p.name for p in project.out_dir.parent.iterdir()) == ["_site", "p"]
    assert {p.relative_to(project.out_dir): p.read_bytes()
            for p in project.out_dir.rglob("*") if p.is_file()} == before
