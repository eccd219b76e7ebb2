"""Loading the office folder a command names, its workbooks read from the first moment.

calamine parses without the GIL, so the folder's workbooks are read in threads while
the rest of unionxl (the loader, the rules, for `report` the templates' libraries) is
imported: on the example office the first read starts at 0.045-0.10 s instead of 0.10 s
into the process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unionxl.office import Office
    from unionxl.reading.folder_reader import FolderReader

# The last office a command loaded, kept until the process ends (cli.run ends it with
# os._exit): freeing its rows one by one when the command returns would cost 0.01 s on
# the example office, about a second at 300,000 members.
LAST_LOADED: list[Office] = []


def start_reading(folder: str) -> FolderReader:
    """A FolderReader of `folder`, to open in a `with` block before the heavy imports."""
    from unionxl.reading.folder_reader import FolderReader

    return FolderReader(folder)


def load_office(folder: str, year: int | None, reader: FolderReader) -> Office:
    """The office in `folder`, read through `reader` (an open FolderReader of it)."""
    from unionxl.office import load

    LAST_LOADED.clear()  # a caller of main() in-process keeps at most one office
    office = load(folder, year=year, reader=reader)
    LAST_LOADED.append(office)
    return office
