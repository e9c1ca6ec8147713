"""Wait for the inputs of the site to change, for the dev server: woken by the system the
moment a file is written (inotify and its kin, through watchfiles), or, where it cannot
be, by looking at every input file every POLL seconds. Either way the files' stamps are
the judge: a wake-up for a file that is not an input (an editor's swap file) is ignored."""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from .settings import Settings

log = logging.getLogger(__name__)

POLL = 0.05  # seconds between looks at the inputs, when the system cannot tell us
# After a wake-up, the files must be quiet this long (ms) before they are read: a save
# can be more than one write. watchfiles waits one to two steps.
STEP = 5
# Seconds between looks even when woken: a folder made after the watch began, or a file
# watched through a folder the system stopped reporting, is still seen.
LOOK_ANYWAY = 1.0


def input_stamps(settings: Settings) -> dict[str, tuple[int, int, int]]:
    """Each input file's modification time, size and inode: an editor that saves by
    renaming a new file into place changes the inode."""
    stamps = {}
    for top in _inputs(settings):
        for path in _files(top):
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamps[path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return stamps


def _inputs(settings: Settings) -> list[Path]:
    return [Path(p) for p in (settings.services_file, settings.settings_file,
                              settings.content_dir, settings.templates_dir, settings.assets_dir,
                              settings.locale_file.parent, settings.data_dir)]


def _files(top: Path):
    if top.is_file():
        yield str(top)
        return
    for folder, _, names in os.walk(top, followlinks=True):
        for name in names:
            yield os.path.join(folder, name)


def _folders(settings: Settings) -> list[str]:
    """The folders to be told about: those holding the input files, and every folder of
    the input folders. Each is watched alone, not with what is under it, so that the
    output folder (often inside the project) and its writes are not watched."""
    found = set()
    for top in _inputs(settings):
        if top.is_dir():
            found.update(folder for folder, _, _ in os.walk(top, followlinks=True))
        elif top.parent.is_dir():
            found.add(str(top.parent))
    return sorted(found)


def changes(settings: Settings, stop: threading.Event, poll: float = POLL,
            woken: bool = True) -> Iterator[dict]:
    """Yield the inputs' stamps (input_stamps) each time they have changed, until stop is set.

    :param woken: be woken by the system where it can; False: only look, every poll s."""
    try:
        from watchfiles import watch
    except ImportError:  # an install without it: look instead
        watch = None
    watch = watch if woken else None
    seen = input_stamps(settings)
    while watch and not stop.is_set():
        folders = _folders(settings)
        # Each wake-up (or LOOK_ANYWAY seconds without one): have the inputs changed?
        woken = watch(*folders, watch_filter=None, debounce=500, step=STEP, stop_event=stop,
                      rust_timeout=int(LOOK_ANYWAY * 1000), yield_on_timeout=True,
                      recursive=False)
        try:
            for _ in woken:
                now = input_stamps(settings)
                if now != seen:
                    seen = now
                    yield now
                if _folders(settings) != folders:  # one was made or removed: watch anew
                    break
        except (OSError, RuntimeError) as err:  # no inotify, too few watches allowed
            log.info("watching by looking every %s s: %s", poll, err)
            break
        finally:
            woken.close()
    yield from _looked(settings, stop, poll, seen)


def _looked(settings: Settings, stop: threading.Event, poll: float, seen: dict):
    while not stop.wait(poll):
        now = input_stamps(settings)
        if now == seen:
            continue
        # A save can be more than one write: wait until two looks agree.
        while not stop.wait(poll / 5):
            again = input_stamps(settings)
            if again == now:
                break
            now = again
        seen = now
        yield now
