"""Work shared with a forked child: chunks are each taken once, a child's answer or mistake
comes back, and a build rendered on two processes is the build rendered on one, byte for
byte and problem for problem."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, make_project

from signpost import renderers, search
from signpost.forks import Child, Chunks, apart
from signpost.servicesfile import load_services
from signpost.settings import load_settings

# Builds the project in argv[1] into argv[2] in a fresh interpreter (the test session may run
# servers in threads, which rule out forking): shared with a child, chunks of 2 outputs at a
# time, or all here ("one"); logs who rendered what in argv[4] and prints the problems.
BUILD = """
import json, os, sys, datetime as dt
from pathlib import Path
from signpost import pipeline, render, renderers
from signpost.problems import BuildFailed
from signpost.settings import Settings
project, out, mode, log = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
renderers.CHUNK = 2
if mode == "one":
    pipeline.can_fork = renderers.can_fork = lambda cores_needed: False
rendering = render.render_one
def logged(env, output):
    with open(log, "a") as file:
        file.write(f"{os.getpid()} {os.nice(0)} {output.dest_path}\\n")
    return rendering(env, output)
render.render_one = logged
settings = Settings.for_root(project, out_dir=out)
Path(log).with_suffix(".pid").write_text(str(os.getpid()))
try:
    pipeline.build(settings, today=dt.date(2026, 11, 22))
    print("[]")
except BuildFailed as failed:
    print(json.dumps([[p.file, p.line, p.message] for p in failed.problems]))
"""


def _build(project: Path, out: Path, mode: str, log: Path) -> list:
    result = subprocess.run([sys.executable, "-c", BUILD, str(project), str(out), mode, str(log)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def _files(folder: Path) -> dict[str, bytes]:
    """The site's files, but the search index (Pagefind names its files afresh each run)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file() and "pagefind" not in p.parts}


def test_a_build_shared_with_a_child_is_the_build_made_alone(tmp_path):
    project = make_project(tmp_path / "p")
    assert _build(project.root, tmp_path / "two", "fork", tmp_path / "two.log") == []
    assert _build(project.root, tmp_path / "one", "one", tmp_path / "one.log") == []
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    two = [line.split(" ", 2) for line in (tmp_path / "two.log").read_text().splitlines()]
    one = [line.split(" ", 2) for line in (tmp_path / "one.log").read_text().splitlines()]
    # Every page rendered once, by more than one process; alone, all by one.
    assert sorted(path for *_, path in two) == sorted(path for *_, path in one)
    assert len({path for *_, path in two}) == len(two)
    assert len({pid for pid, *_ in two}) > 1 and len({pid for pid, *_ in one}) == 1
    # The index has every page it indexes, whichever process wrote it.
    services = [path for *_, path in one if path.startswith("services/") and path.count("/") == 2]
    content = [f"{page.stem}/index.html" for page in project.content_dir.glob("*.md")]
    assert search._page_count(tmp_path / "two" / "pagefind") == \
        search._page_count(tmp_path / "one" / "pagefind") == \
        len(services) + len(content)
    # The pages it indexes are rendered first, at the build's priority; then, with the index
    # started, the children render the rest at the lowest priority, and the build's own
    # process, once the index is done, at its own. Alone, nothing yields: the process builds
    # again later. (The highest nice value is 19.)
    base, main = os.nice(0), (tmp_path / "two.pid").read_text()
    indexed = set(services + content)
    assert all(int(nice) == base for _, nice, path in two if path in indexed)
    rest = {(pid == main, int(nice)) for pid, nice, path in two if path not in indexed}
    assert (False, renderers._IDLE) in rest and rest <= {(False, renderers._IDLE), (True, base)}
    assert {int(nice) for _, nice, _ in one} == {base}


def test_problems_found_by_two_renderers_are_those_found_by_one(tmp_path):
    project = make_project(tmp_path / "p", copy=("templates",))
    # A link that goes nowhere on every page, and a mistake in the listing pages only.
    base = project.templates_dir / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "</main>", '<a href="/abuot/">About</a></main>', 1), encoding="utf-8")
    listing = project.templates_dir / "services.html"
    text = listing.read_text(encoding="utf-8")
    listing.write_text(text.replace("{% block main %}", "{% block main %}{{ nothing.at_all }}", 1),
                       encoding="utf-8")
    two = _build(project.root, tmp_path / "two", "fork", tmp_path / "two.log")
    one = _build(project.root, tmp_path / "one", "one", tmp_path / "one.log")
    assert two == one
    messages = [message for _, _, message in one]
    assert any("'nothing' is undefined" in m for m in messages)
    assert any(m.startswith("link to /abuot/ goes to a page that does not exist (on /, and ")
               for m in messages)
    assert not (tmp_path / "two").exists() and not (tmp_path / "one").exists()


def test_each_chunk_is_taken_once_by_one_of_two_processes():
    chunks = Chunks(1003, 10)

    def take():
        taken = []
        for start, end in chunks:
            taken.append((start, end))
            time.sleep(0.001)  # let the other process take some
        return taken

    child = Child(take)
    mine, theirs = take(), child.result()
    chunks.close()
    assert mine and theirs
    assert sorted(mine + theirs) == [(n, min(n + 10, 1003)) for n in range(0, 1003, 10)]


def test_chunks_are_never_more_than_a_pipe_holds():
    chunks = Chunks(10_000_000, 1)
    assert sum(1 for _ in chunks) == -(-10_000_000 // chunks.size) <= 8192
    chunks.close()


def test_a_childs_mistake_is_raised_here_and_a_killed_child_is_gone():
    with pytest.raises(KeyError, match="a bug"):
        Child(lambda: {}["a bug"]).result()
    child = Child(time.sleep, 60)
    pid = child.pid
    child.kill()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def _fresh(code: str) -> list[str]:
    """The lines code prints, run in a fresh interpreter: the test session may be running
    servers in threads, and where threads run nothing is forked."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True).stdout.splitlines()


def test_work_apart_is_done_by_other_processes_unless_threads_run():
    assert _fresh("import os, threading; from signpost.forks import apart, each_apart\n"
                  "print(apart(os.getpid) != os.getpid())\n"
                  "print(os.getpid() not in each_apart(os.getpid, [(), ()]))\n"
                  "threading.Thread(target=threading.Event().wait, args=(2,), daemon=True).start()\n"
                  "print(apart(os.getpid) != os.getpid())") == ["True", "True", "False"]


def test_listings_read_apart_are_the_listings_read_here(tmp_path):
    settings, _ = load_settings(make_project(tmp_path / "p"))
    args = (settings, str(settings.services_file), TODAY)
    assert apart(load_services, *args) == load_services(*args)


def test_each_apart_keeps_the_order_and_raises_a_childs_mistake_here():
    assert _fresh("from signpost.forks import each_apart; import operator\n"
                  "print(each_apart(operator.add, [(1, 2), (3, 4), (5, 6)]))\n"
                  "try:\n    each_apart(operator.truediv, [(1, 1), (1, 0)])\n"
                  "except ZeroDivisionError:\n    print('raised')") == ["[3, 7, 11]", "raised"]
