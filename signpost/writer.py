"""Write the site: each rendered output into a staging folder that replaces the old site
only when everything has been written."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from .outputs import Output
from .problems import BuildFailed, Problem


class SiteWriter:
    """Writes outputs one at a time into site_dir (a fresh, empty folder).

    With plain strings and os calls (open, write, close) rather than pathlib and a buffered
    file: a build writes thousands of small files, and a Path's objects and checks for each
    were most of the build's own time in writing (the rest is the system's)."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.files = 0
        self._root = os.path.abspath(site_dir)
        self._folders = {""}  # made already, relative to the site ("": the site's own)

    def write(self, output: Output, text: str | bytes) -> None:
        dest_path = output.dest_path
        dest = _inside(self._root, dest_path)
        folder = dest_path.rpartition("/")[0]
        if folder not in self._folders:
            self._make(folder)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        fd = os.open(dest, _CREATE, 0o666)
        try:
            view = memoryview(data)
            while view:  # a write may take less than it is given
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        self.files += 1

    def _make(self, folder: str) -> None:
        """Make a folder of the site and those it is in, each with one mkdir call."""
        missing = []
        while folder not in self._folders:
            missing.append(folder)
            folder = folder.rpartition("/")[0]
        for folder in reversed(missing):
            try:
                os.mkdir(os.path.join(self._root, folder))
            except FileExistsError:
                if not os.path.isdir(os.path.join(self._root, folder)):
                    raise
            self._folders.add(folder)


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | \
    getattr(os, "O_BINARY", 0)


def replace_file(dest: Path, data: bytes) -> None:
    """Write a file so that no reader ever finds half of it (the dev server sending it, a build
    reading it): beside it, then renamed."""
    fd, temp = tempfile.mkstemp(prefix=".", suffix=".new", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, dest)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_site(outputs: list[Output], site_dir: Path) -> None:
    """Write every rendered output into site_dir (a fresh, empty folder)."""
    writer = SiteWriter(site_dir)
    for output in outputs:
        writer.write(output, output.body if output.body is not None else output.html)


def inside(site_dir: Path, dest_path: str) -> Path:
    """Return site_dir/dest_path, or fail if that would be outside site_dir.

    Settings are checked before this, so only a bug could get here: a last guard, because a
    slug like '../../x' would otherwise write anywhere."""
    return Path(_inside(os.path.abspath(site_dir), dest_path))


def _inside(root: str, dest_path: str) -> str:
    """inside(), for a root already absolute, as a string."""
    dest = os.path.normpath(os.path.join(root, dest_path))  # the stage holds no links
    if not dest.startswith(root + os.sep) or "\0" in dest:
        raise BuildFailed([Problem(dest_path, 1, "refusing to write this file: it would be "
                                   "outside the site's folder")])
    return dest


MARKER = ".signpost-site"  # in every site the build writes: only such a folder is replaced
_MARKER_TEXT = "Written by signpost (python build.py build). The next build replaces this folder.\n"


def out_dir_problems(out_dir: Path, inputs: tuple[Path, ...] = ()) -> list[Problem]:
    """Return why the site may not be written to out_dir: it is, holds or sits inside one of
    the project's inputs, or it is not empty and not a site this tool wrote."""
    out = Path(out_dir).resolve()
    root = Path(inputs[0]).resolve() if inputs else None

    def refuse(why: str) -> list[Problem]:
        return [Problem("--out", 1, f"refusing to write the site to {str(out_dir)!r}: {why} "
                                    "(choose another --out, such as _site)")]
    for given in inputs:
        path = Path(given).resolve()
        name = "folder" if path == root else str(given)
        if out == path:
            return refuse(f"that is the project's {name}, which the build reads")
        if out in path.parents:
            return refuse(f"it holds the project's {name}, which the build reads")
        if path != root and path in out.parents:
            return refuse(f"it is inside the project's {name}, which the build reads")
    if out.exists() and not out.is_dir():
        return refuse("that is a file, not a folder")
    for folder in out.parents:
        if folder.exists() and not folder.is_dir():
            return refuse(f"{str(folder)!r} is a file, not a folder")
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        return [Problem("--out", 1, f"refusing to replace this folder ({str(out_dir)!r}): it is "
                        f"not empty and is not a site built by this tool (it has no {MARKER} "
                        "file). Choose another --out, or empty it yourself")]
    return []


@contextlib.contextmanager
def staged(out_dir: Path, inputs: tuple[Path, ...] = ()):
    """Yield an empty folder beside out_dir; on success it replaces out_dir, on any
    failure it is removed and out_dir is left exactly as it was."""
    problems = out_dir_problems(out_dir, inputs)
    if problems:
        raise BuildFailed(problems)
    given, out_dir = out_dir, Path(out_dir).resolve()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    except OSError as err:  # a path through a file, a folder it may not write in, /proc
        raise BuildFailed([Problem("--out", 1, f"cannot write the site to {str(given)!r} "
                                   f"({err.strerror}): choose another --out")]) from None
    try:
        yield stage
        (stage / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    stage.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    if out_dir.exists():
        out_dir.rename(old)
    stage.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
