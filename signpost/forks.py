"""Work done in forked copies of the build: reading the listings apart (in parts, one a
core; their garbage goes with the children), making the feed while this process plans the
pages, and rendering on both cores (see renderers.render_plan).

A fork shares the plan with the parent without copying or pickling it; only answers come
back, pickled. Forking a process that runs other threads (a test's server, the dev server)
can deadlock the child, so then, and on one core, the work is done here instead."""
from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable, Iterator


def cores() -> int:
    """The processors this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork(cores_needed: int = 1) -> bool:
    """Whether work can go to a forked child: no other thread runs, and this process may
    use at least `cores_needed` processors."""
    return hasattr(os, "fork") and threading.active_count() == 1 and cores() >= cores_needed


def apart(task: Callable, *args):
    """Return task(*args), worked out in a child process where the system can fork.

    Reading 10,000 listings makes millions of short-lived objects among the few it keeps;
    freed, their memory stays with the process (about 330 MB, held by the survivors between
    them) and would sit beside Pagefind for the rest of the build. A child's goes when it
    exits, and only what it read comes back (about 23 MB, pickled)."""
    return each_apart(task, [args])[0]


def each_apart(task: Callable, calls: list[tuple]) -> list:
    """Return [task(*args) for args in calls], each worked out in a child process of its own,
    all at once, where the system can fork (see apart); else here, in turn."""
    if not can_fork():
        return [task(*args) for args in calls]
    children: list[Child] = []
    try:
        children += [Child(task, *args) for args in calls]
        return [child.result() for child in children]
    finally:
        for child in children:  # those not answered yet: another's mistake is raised
            child.kill()


def aside(task: Callable, *args) -> Child | Here:
    """task(*args) begun in a child process on another core, where there is one and the system
    can fork, while this process goes on; else worked out here when its result is asked."""
    return Child(task, *args) if can_fork(cores_needed=2) else Here(task, *args)


class Here:
    """task(*args) worked out when result() is asked: Child's stand-in where none can fork."""

    def __init__(self, task: Callable, *args):
        self._task, self._args = task, args

    def result(self):
        return self._task(*self._args)

    def kill(self) -> None:
        pass


class Child:
    """task(*args) running in a forked child; result() waits for its answer (its return
    value, or its exception raised again here), kill() stops it."""

    def __init__(self, task: Callable, *args):
        self.name = getattr(task, "__name__", "work")
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: send the answer, and leave without cleanup
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as pipe:
                    try:
                        answer = (True, task(*args))
                    except BaseException as err:  # noqa: BLE001 (raised again in the parent)
                        answer = (False, err)
                    pickle.dump(answer, pipe, pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._answers = os.fdopen(read, "rb")

    def result(self):
        # Unpickling makes as many objects as the child kept, and no cycles: the collector's
        # passes over them took three quarters of the time (10,000 listings: 1.0 s to 0.3 s).
        collecting = gc.isenabled()
        gc.disable()
        try:
            done, answer = pickle.load(self._answers)
        except (EOFError, pickle.UnpicklingError):  # it died, or its error would not pickle
            done, answer = False, RuntimeError(f"{self.name} stopped in its child process")
        finally:
            if collecting:
                gc.enable()
            self._reap()
        if not done:
            raise answer
        return answer

    def kill(self) -> None:
        """Stop the child now (the build failed here): it must not write on into a stage
        that is being removed."""
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> None:
        if self.pid:
            self._answers.close()
            os.waitpid(self.pid, 0)
            self.pid = 0


class Chunks:
    """The ranges [start, end) of `count` items, `size` at a time, each handed to whichever
    process asks first: this one or a child forked after it was made. The chunks' numbers
    wait in a pipe, written whole before the fork; each read takes one, and reads of a
    pipe never split or share the same bytes."""

    _NUMBER = struct.Struct("=I")
    _MOST = 8192  # chunk numbers that fit in a pipe's buffer (64 KB on Linux) at once

    def __init__(self, count: int, size: int):
        self.count, self.size = count, max(size, -(-count // self._MOST), 1)
        self._read, write = os.pipe()
        numbers = range(-(-count // self.size))
        os.write(write, b"".join(self._NUMBER.pack(n) for n in numbers))
        os.close(write)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        while got := os.read(self._read, self._NUMBER.size):
            start = self._NUMBER.unpack(got)[0] * self.size
            yield start, min(start + self.size, self.count)

    def close(self) -> None:
        os.close(self._read)
