"""`unionxl` command line: a thin edge over the library.

Each sub-command lives in its own module of this package (`check`, `totals`, `report`,
`excel`, `new`) with `register(subparsers)`; this file only wires them and turns
UnionxlError into one line.
"""

from __future__ import annotations

import argparse
import sys

from unionxl.cli import check, excel, gui, map, new, report, totals
from unionxl.model.errors import UnionxlError

COMMANDS = (check, totals, report, excel, new, map, gui)

EXIT_CANNOT_RUN = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unionxl", description="工会台账工作簿：校验、汇总、生成报告"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for command in COMMANDS:
        command.register(sub)
    return parser


def use_utf8_safe_output() -> None:
    """A GBK console cannot show every character: replace, never crash."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    use_utf8_safe_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_CANNOT_RUN
    try:
        return int(args.func(args) or 0)
    except UnionxlError as e:
        print(f"unionxl：{e}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("unionxl：已取消", file=sys.stderr)
        return EXIT_CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
