"""The dev server's output folder, brought up to date after each rebuild: written whole the
first time, as a build writes it, then only where the bytes changed. Apart from
incremental.py, which keeps what a rebuild reuses: this only compares files and writes them,
so that an edit costs a few writes and the server never sends half a file."""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from .outputs import Output
from .search import SearchIndex
from .settings import Settings
from .writer import MARKER, inside, replace_file, staged, write_site


@dataclass(frozen=True)
class Update:
    """What one rebuild changed in the output folder."""

    services: int
    outputs: list[Output]
    written: list[str]  # dest paths rewritten (new or changed bytes)
    deleted: list[str]  # dest paths no longer planned
    indexed_changed: bool  # a page the search indexes changed: its index is stale


class OutputFolder:
    """What the output folder holds, as last written, to compare the next rebuild's files
    with."""

    def __init__(self):
        self._written: dict[str, object] | None = None  # dest path -> the text or bytes on disk
        self._indexed: set[str] = set()  # dest paths of the pages the search indexes

    def update(self, settings: Settings, services: int, outputs: list[Output]) -> Update:
        """Write these rendered outputs: the first time as the build does (a staging folder
        swapped in), afterwards by rewriting only the files whose bytes changed and deleting
        those no longer planned."""
        out_dir = Path(settings.out_dir)
        planned = {o.dest_path: (o.body if o.body is not None else o.html) for o in outputs}
        indexed = {o.dest_path for o in outputs if SearchIndex.indexes(o)}
        if self._written is None or not (out_dir / MARKER).is_file():
            with staged(out_dir, settings.inputs) as stage:
                write_site(outputs, stage)
            self._written, self._indexed = planned, indexed
            # What the first build made and the rebuilds' caches keep (incremental.py) is kept
            # for good: collections skip it.
            gc.freeze()
            return Update(services, outputs, sorted(planned), [], True)
        written, folders = [], set()
        for dest_path, new in planned.items():
            old = self._written.get(dest_path)
            if new is old or new == old:
                continue
            dest = inside(out_dir, dest_path)
            if dest.parent not in folders:
                dest.parent.mkdir(parents=True, exist_ok=True)
                folders.add(dest.parent)
            replace_file(dest, new if isinstance(new, bytes) else new.encode("utf-8"))
            written.append(dest_path)
        deleted = sorted(set(self._written) - set(planned))
        for dest_path in deleted:
            dest = inside(out_dir, dest_path)
            dest.unlink(missing_ok=True)
            _remove_empty_folders(dest.parent, out_dir)
        stale = bool(indexed & set(written) or self._indexed & set(deleted))
        self._written, self._indexed = planned, indexed
        return Update(services, outputs, written, deleted, stale)


def _remove_empty_folders(folder: Path, root: Path) -> None:
    root = root.resolve()
    folder = folder.resolve()
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
