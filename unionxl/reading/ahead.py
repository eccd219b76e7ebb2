"""A folder's workbooks read ahead, in threads, while the loader types the last.

calamine releases the GIL while it parses, so on two cores workbooks are parsed while
the loader turns earlier ones' cells into typed rows. The loader takes them in the
folder's order; they are read in `read_order`: the first, then the other small ones
largest first, so the longest parse starts at once instead of after the short ones
(the example office's 会费 is half of its bytes). Small workbooks are read ahead up to
READ_AHEAD_BYTES on disk waiting at once; a big one only while no other big one
waits, and only when the loader is about to need it: its big sheets stay in calamine's
compact form until the loader walks them a chunk of rows at a time (RawSheet.source).
At 300,000 members peak memory was 1.19× a bare read's (1,530 vs 1,288 MiB).

Books come out in the folder's order, each as a RawWorkbook or the UnionxlError that
says why it cannot be read. The threads live only inside the `with` block.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from unionxl.model.errors import UnionxlError
from unionxl.reading.raw import RawWorkbook
from unionxl.reading.scan import Scanner
from unionxl.reading.workbook import read_workbook

# A workbook up to this size on disk is small (a 4 MB .xlsx holds ~40,000 rows); small
# workbooks are read ahead up to this many bytes waiting at once.
READ_AHEAD_BYTES = 4 * 1024 * 1024
THREADS = 2  # one per core of an office PC; the loader's own thread waits or types
BIG_AHEAD = 2  # a big workbook is read ahead only among the next this many
BIG_ALIVE = 2  # big workbooks alive at once: the one being typed and one read ahead

Read = RawWorkbook | UnionxlError


def size_on_disk(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_workbook says what is wrong with it


def read_order(paths: list[Path], limit: int = READ_AHEAD_BYTES) -> list[Path]:
    """The order workbooks are read in (the Scanner measures them in the same order):
    the first, the other small ones largest first, then the big ones in folder order."""
    if not paths:
        return []
    rest = paths[1:]
    small = sorted((p for p in rest if size_on_disk(p) <= limit), key=size_on_disk, reverse=True)
    return [paths[0], *small, *(p for p in rest if size_on_disk(p) > limit)]


class ReadAhead:
    """`for path, book in ReadAhead(scanner, paths)`: every workbook of `paths`, in
    that order; `scanner` measures them in read order (`read_order(paths)`)."""

    def __init__(
        self, scanner: Scanner, paths: list[Path] | None = None, limit: int = READ_AHEAD_BYTES
    ) -> None:
        self.scanner = scanner
        self.paths = list(scanner.paths if paths is None else paths)
        self.limit = limit
        self.sizes = {path: size_on_disk(path) for path in self.paths}
        # Read in the scanner's order (it measures each workbook before calamine reads it).
        self.order = [p for p in scanner.paths if p in self.sizes]
        self.order += [p for p in self.paths if p not in set(self.order)]
        self.ahead: dict[Path, Future[Read]] = {}
        self.pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> ReadAhead:
        self.pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="unionxl-read")
        self.top_up(self.paths[:BIG_AHEAD])  # reading starts now, before the loader asks
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.pool is not None
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __iter__(self) -> Iterator[tuple[Path, Read]]:
        """Each workbook as soon as it is read, the first of the folder's order among
        those ready: the loader types one while the threads still read a bigger one."""
        assert self.pool is not None, "use ReadAhead in a with block"
        left = list(self.paths)  # not yet handed out, in the folder's order
        while left:
            self.top_up(left[:BIG_AHEAD])
            ready = [p for p in left if p in self.ahead and self.ahead[p].done()]
            if not ready and any(p in self.ahead for p in left):
                wait([self.ahead[p] for p in left if p in self.ahead], return_when=FIRST_COMPLETED)
                continue
            path = ready[0] if ready else left[0]  # none ahead: read here
            left.remove(path)
            self.order.remove(path)
            current = self.ahead.pop(path, None)
            self.top_up(left[:BIG_AHEAD], holding=path)  # what typing this one leaves room for
            yield path, (current.result() if current is not None else self.read(path))

    def top_up(self, soon: list[Path], holding: Path | None = None) -> None:
        """Hand the threads what may be read ahead while the loader types `holding`:
        small ones while their bytes fit, a big one only among the `soon` (the next the
        loader takes in the folder's order) and at most BIG_ALIVE alive, counting the
        one being typed."""
        assert self.pool is not None
        for later in self.order:
            if later in self.ahead:
                continue
            waiting = [self.sizes[p] for p in self.ahead]
            small = [size for size in waiting if size <= self.limit]
            if self.sizes[later] <= self.limit:
                if small and sum(small) + self.sizes[later] > self.limit:
                    continue  # enough small ones waiting
            else:
                big = len(waiting) - len(small) + (holding is not None and self.big(holding))
                if later not in soon or big >= BIG_ALIVE:
                    continue
            self.ahead[later] = self.pool.submit(self.read, later)

    def big(self, path: Path) -> bool:
        return self.sizes[path] > self.limit

    def read(self, path: Path) -> Read:
        try:
            return read_workbook(path, self.scanner.scan_for(path))
        except UnionxlError as e:
            return e
