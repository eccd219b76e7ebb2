"""A folder's workbooks read ahead, in threads, while the loader types the last.

calamine releases the GIL while it parses, so on two cores workbooks are parsed while
the loader turns earlier ones' cells into typed rows. Each is handed over as soon as it
is read (the loader joins them in the folder's order); they are read in `read_order`:
the first, then the others largest first, so the longest parses start early (the example office's 会费 is half of its bytes; at 300,000
members 慰问 takes 12 s to read and 10 s to type). Small workbooks are read ahead up to
READ_AHEAD_BYTES on disk waiting at once; big ones so that at most BIG_ALIVE are alive,
counting the one being typed: their big sheets stay in calamine's compact form until
the loader walks them a chunk of rows at a time (RawSheet.source).

Books come out each as a RawWorkbook or the UnionxlError that says why it cannot be
read. The threads live only inside the `with` block.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from unionxl.model.errors import UnionxlError
from unionxl.reading.raw import RawWorkbook
from unionxl.reading.workbook import read_workbook

# A workbook up to this size on disk is small (a 4 MB .xlsx holds ~40,000 rows); small
# workbooks are read ahead up to this many bytes waiting at once.
READ_AHEAD_BYTES = 4 * 1024 * 1024
THREADS = 2  # one per core of an office PC; the loader's own thread waits or types
BIG_ALIVE = 2  # big workbooks alive at once: the one being typed and one read ahead

Read = RawWorkbook | UnionxlError


def size_on_disk(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_workbook says what is wrong with it


def read_order(paths: list[Path]) -> list[Path]:
    """The order workbooks are taken up in: the first, then the others largest first (a
    big one waits its turn while BIG_ALIVE are alive, and small ones are read meanwhile)."""
    return paths[:1] + sorted(paths[1:], key=size_on_disk, reverse=True)


class ReadAhead:
    """`for path, book in ReadAhead(paths)`: every workbook of `paths`, each as soon as
    it is read."""

    def __init__(self, paths: list[Path], limit: int = READ_AHEAD_BYTES) -> None:
        self.paths = list(paths)
        self.limit = limit
        self.sizes = {path: size_on_disk(path) for path in self.paths}
        self.order = read_order(self.paths)  # taken up so, as the limits allow
        self.ahead: dict[Path, Future[Read]] = {}
        self.pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> ReadAhead:
        self.pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="unionxl-read")
        self.top_up()  # reading starts now, before the loader asks
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
            self.top_up()
            ready = [p for p in left if p in self.ahead and self.ahead[p].done()]
            if not ready and any(p in self.ahead for p in left):
                wait([self.ahead[p] for p in left if p in self.ahead], return_when=FIRST_COMPLETED)
                continue
            path = ready[0] if ready else left[0]  # none ahead: read here
            left.remove(path)
            self.order.remove(path)
            current = self.ahead.pop(path, None)
            self.top_up(holding=path)  # what typing this one leaves room for
            yield path, (current.result() if current is not None else self.read(path))

    def top_up(self, holding: Path | None = None) -> None:
        """Hand the threads what may be read ahead while the loader types `holding`:
        small ones while their bytes fit, big ones while at most BIG_ALIVE are alive,
        counting the one being typed."""
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
                if big >= BIG_ALIVE:
                    continue
            self.ahead[later] = self.pool.submit(self.read, later)

    def big(self, path: Path) -> bool:
        return self.sizes[path] > self.limit

    def read(self, path: Path) -> Read:
        try:
            # Its own light pass (scan.py) beside calamine: a workbook's sheets are
            # measured while calamine opens it, never behind another workbook's.
            return read_workbook(path)
        except UnionxlError as e:
            return e
