"""An office folder's workbook files, and reading them all (ReadAhead).

Kept apart from the loader so that the command line can start reading the moment it
knows the folder: calamine parses (without the GIL) while the rest of unionxl imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from unionxl.reading.ahead import Read, ReadAhead

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb"}
# Files unionxl itself writes into an office folder: never data.
OWN_OUTPUTS = {"unionxl.xlsm"}


def workbook_paths(folder: Path) -> list[Path]:
    """The folder's workbooks by name, without Excel's and LibreOffice's owner files."""
    paths = []
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        if not p.is_file() or p.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        if p.name.startswith(("~$", ".~lock.")) or p.name in OWN_OUTPUTS:
            continue
        paths.append(p)
    return paths


class FolderReader:
    """`with FolderReader(folder) as books: for path, book in books`: every workbook of
    the folder, read ahead in threads from the moment the block opens and handed over
    as each is read (ReadAhead). The threads end with the block."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.paths = workbook_paths(self.folder) if self.folder.is_dir() else []
        self.books = ReadAhead(self.paths)

    def __enter__(self) -> FolderReader:
        self.books.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.books.__exit__(*exc)

    def __iter__(self) -> Iterator[tuple[Path, Read]]:
        return iter(self.books)
