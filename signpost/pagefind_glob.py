"""The glob that names exactly a shard's pages for Pagefind (wax syntax), each shared
beginning written once, so that thousands of long paths stay within what Pagefind can
compile. Pure string work, apart from search.py, which runs Pagefind with it."""
from __future__ import annotations

import os


def glob_of(paths: list[str]) -> str:
    """A glob (Pagefind's: wax syntax) that matches exactly these paths, each shared
    beginning written once: {about/,services/a{b/,c/}}index.html. A plain list of 5,000 long
    paths was over the size Pagefind's glob may compile to, and it then indexed nothing."""
    paths = set(paths)
    # The ending all share, written once; but its first character stays on each path, so
    # that no path is the beginning of another ("services/ab/" of "services/abc/"): wax has
    # no empty alternative.
    ending = os.path.commonprefix([p[::-1] for p in paths])[::-1][1:] if len(paths) > 1 else ""
    # Sorted without it: cut off, "a/x" and "ab/x" need not keep their order.
    return _tree(sorted(p[:len(p) - len(ending)] for p in paths)) + _glob_escape(ending)


def _tree(paths: list[str]) -> str:
    """Sorted, distinct paths as a glob: their shared beginning, then each way on."""
    if len(paths) == 1:
        return _glob_escape(paths[0])
    shared = os.path.commonprefix([paths[0], paths[-1]])
    n = len(shared)
    if len(paths[0]) == n:  # one is the beginning of the others: listed as they are
        return "{" + ",".join(map(_glob_escape, paths)) + "}"
    ways, start = [], 0
    for end in range(1, len(paths) + 1):
        if end == len(paths) or paths[end][n] != paths[start][n]:
            ways.append(_tree([p[n:] for p in paths[start:end]]))
            start = end
    return _glob_escape(shared) + "{" + ",".join(ways) + "}"


def _glob_escape(path: str) -> str:
    """Escape a path for Pagefind's glob (wax syntax): brackets, braces, stars, commas."""
    return "".join("\\" + c if c in "[]{}*?,\\" else c for c in path)
