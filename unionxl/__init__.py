"""unionxl: check, total and report on a trade-union office's Excel workbooks.

One call each::

    report = unionxl.check("D:/工会/2023台账")   # findings, down to the cell
    figures = unionxl.totals("D:/工会/2023台账")  # exact to the fen

or load once and reuse the same tables::

    office = unionxl.load(folder)
    office.check(); office.totals()

and Word reports from the office's templates::

    unionxl.report(folder, out="报告")
"""

from __future__ import annotations

import typing as _typing

from unionxl.model.errors import UnionxlError
from unionxl.model.findings import Finding
from unionxl.version import __version__ as __version__

if _typing.TYPE_CHECKING:
    from pathlib import Path

    from unionxl.checks.run import CheckReport
    from unionxl.figures.model import Totals
    from unionxl.office import Office, load
    from unionxl.reports.make import ReportResult

__all__ = ["Finding", "Office", "UnionxlError", "check", "load", "main", "report", "totals"]


def __getattr__(name: str) -> _typing.Any:
    """`unionxl.Office` and `unionxl.load`, imported when first asked: the command line
    imports this package and starts reading before it needs the façade (cli/early.py)."""
    if name in ("Office", "load"):
        from unionxl import office

        return getattr(office, name)
    raise AttributeError(f"module 'unionxl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "Office", "load"})


def check(folder: str | Path, *, year: int | None = None) -> CheckReport:
    """Check every table of the office folder; the report's `to_dict()` is `check --json`."""
    from unionxl.office import load

    return load(folder, year=year).check()


def totals(folder: str | Path, *, year: int | None = None) -> Totals:
    """Every figure the office reports; `to_dict()` is `totals --json`."""
    from unionxl.office import load

    return load(folder, year=year).totals()


def report(
    folder: str | Path, *, out: str | Path, year: int | None = None, **options: _typing.Any
) -> ReportResult:
    """Fill the Word templates into `out` (options as `unionxl.reports.make_reports`:
    only, templates, named, force, pdf, date; and previous, last year's folder)."""
    from unionxl.office import load

    return load(folder, year=year).report(out, **options)


def main() -> None:
    """What the Excel button runs (`RunPython "import unionxl; unionxl.main()"`)."""
    from .excel.button import main as button_main

    button_main()
