"""The light pass over each sheet's XML, run in one thread beside calamine.

For every worksheet, in the workbook's order: inflate its XML (bounded by its declared
size), say how far its cells reach (reading/extent.py) — calamine waits for that before
it reads the sheet — then find what calamine reads as an empty cell: a formula without a
cached value, and an error value like #DIV/0! (only when the sheet has any at all: the
same search decides).

Each workbook is scanned in a thread of its own (`Scanner`) while calamine opens and
parses it (calamine releases the GIL), so measuring costs the read little; a workbook
never waits behind another one's scan (at 300,000 members, a 3 MB 经费.xlsx waited 5 s
behind 慰问's 300 MB of XML when one thread scanned the folder). The thread lives only
inside the `with` block: none survives into the worker processes of `--each`.
"""

from __future__ import annotations

import re
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from unionxl.model.errors import UnionxlError
from unionxl.reading.extent import Extent, measure, survey
from unionxl.reading.package import read_package
from unionxl.reading.zipguard import guard_archive, inflate_part

CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)

BadCells = dict[tuple[int, int], str | None]


class Gate:
    """When the scanner may hold the GIL: while calamine parses (calamine releases it)
    or while the reader waits for the scanner. Elsewhere the reader's own Python work
    runs undisturbed, and the scanner waits: measuring then costs the read nothing."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.openers = 0
        self.closed = False

    @contextmanager
    def opened(self) -> Iterator[None]:
        with self.changed:
            self.openers += 1
            self.changed.notify_all()
        try:
            yield
        finally:
            with self.changed:
                self.openers -= 1

    def wait(self) -> None:
        """Called by the scanner before each piece of GIL-held work."""
        with self.changed:
            self.changed.wait_for(lambda: self.openers > 0 or self.closed)
        time.sleep(0)  # hand the GIL over at once if the reader wants it back

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


@dataclass
class Scan:
    """What the pass found, sheet by sheet, as it goes (thread-safe to wait on)."""

    extents: dict[str, Extent | None] = field(default_factory=dict)  # None: small
    bad: dict[str, BadCells] = field(default_factory=dict)
    done: threading.Condition = field(default_factory=threading.Condition)
    finished: bool = False
    gate: Gate = field(default_factory=Gate)

    def extent(self, name: str) -> Extent | None:
        """Wait until sheet `name` is measured; None when it is small (or unknown)."""
        with self.gate.opened(), self.done:
            self.done.wait_for(lambda: name in self.extents or self.finished)
            return self.extents.get(name)

    def bad_cells(self) -> dict[str, BadCells]:
        """Wait until the whole workbook is scanned; its bad cells by sheet."""
        with self.gate.opened(), self.done:
            self.done.wait_for(lambda: self.finished)
            return self.bad

    def publish(self, name: str, extent: Extent | None) -> None:
        with self.done:
            self.extents[name] = extent
            self.done.notify_all()

    def finish(self) -> None:
        with self.done:
            self.finished = True
            self.done.notify_all()


def column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


class Scanner:
    """One thread scanning `paths` in order; `scan_for(path)` is the path's Scan."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.gate = Gate()
        self.scans = {path: Scan(gate=self.gate) for path in self.paths}
        self.stop = threading.Event()
        self.pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Scanner:
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pool.submit(self._run)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.gate.close()
        assert self.pool is not None
        self.pool.shutdown(wait=True)  # the thread ends here, whatever happened
        for scan in self.scans.values():
            scan.finish()

    def _run(self) -> None:
        for path in self.paths:
            if self.stop.is_set():
                break
            scan_workbook(path, self.scans[path], self.stop)

    def scan_for(self, path: Path) -> Scan | None:
        return self.scans.get(path)


def scan_workbook(path: Path, scan: Scan, stop: threading.Event | None = None) -> None:
    """Fill `scan` for every worksheet of `path`; always ends with `scan.finish()`."""
    try:
        with zipfile.ZipFile(path) as archive:
            guard_archive(path, archive)  # never inflate a bomb (read_workbook says so)
            for sheet in read_package(archive).sheets:
                if sheet.kind != "worksheet" or (stop is not None and stop.is_set()):
                    continue
                try:
                    data = inflate_part(archive, sheet.path)
                except (
                    KeyError,
                    OSError,
                    zipfile.BadZipFile,
                    zlib.error,
                    struct.error,
                    NotImplementedError,
                ):
                    data = None  # calamine says whether the sheet itself is readable
                if data is None:
                    scan.publish(sheet.name, None)
                    continue
                found = survey(data, scan.gate.wait)
                scan.gate.wait()
                scan.publish(sheet.name, None if found.short else measure(data))
                if found.formulas:
                    scan.gate.wait()
                    cells = bad_cells(data)
                    if cells:
                        scan.bad[sheet.name] = cells
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, UnionxlError):
        pass  # .xls and friends: calamine reads them; nothing to scan
    finally:
        scan.finish()


def bad_cells(data: bytes) -> BadCells:
    """Formulas without a cached value (None) and error cells (their text), by position;
    run only on sheets that hold a formula or an error at all (extent.survey says)."""
    cells: BadCells = {}
    for m in CELL.finditer(data):
        attrs, body = m.group(1), m.group(2) or b""
        is_error = b't="e"' in attrs
        has_formula = FORMULA.search(body) is not None
        if not (is_error or has_formula):
            continue
        ref = REF.search(attrs)
        if ref is None:
            continue
        value = VALUE.search(body)
        pos = (int(ref.group(2)) - 1, column_index(ref.group(1)))
        if is_error and value is not None:
            cells[pos] = value.group(1).decode("utf-8", "replace")
        elif has_formula and (value is None or (value.group(1) == b"" and b't="str"' not in attrs)):
            cells[pos] = None
    return cells
