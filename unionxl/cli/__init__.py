"""`unionxl` command line: a thin edge over the library.

Each sub-command lives in its own module of this package (`check`, `totals`, `report`,
`excel`, `new`) with `register(subparsers)`; this file only wires them and turns every
way a run can end into its exit status and at most one line (`EXIT_*`, documented in
README and docs/台账格式.md):

- 0 done, no errors in the data (warnings allowed);
- 1 done, the data has errors (check; report without --force);
- 2 could not run: a folder or workbook unreadable, a bad argument, a failed write;
- 3 an internal error of unionxl (one line; `UNIONXL_DEBUG=1` shows the traceback);
- 130 interrupted (Ctrl-C); 141 the reader of the output went away (`| head`).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

from unionxl.cli import check, excel, gui, map, new, report, totals
from unionxl.cli.parser import ChineseParser
from unionxl.model.errors import UnionxlError
from unionxl.version import __version__

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

COMMANDS = (check, totals, report, excel, new, map, gui)

EXIT_OK, EXIT_DATA_ERRORS, EXIT_CANNOT_RUN, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def build_parser() -> ChineseParser:
    parser = ChineseParser(prog="unionxl", description="工会台账工作簿：校验、汇总、生成报告")
    parser.add_argument(
        "--version", action="version", version=f"unionxl {__version__}", help="显示版本号并退出"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令")
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


def say(line: str) -> None:
    try:
        print(f"unionxl：{line}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit status still tells


def silence_stdout() -> None:
    """After a broken pipe: point stdout at nothing so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def interrupts_remembered() -> Iterator[list[int]]:
    """Ctrl-C raises KeyboardInterrupt as usual, and is also remembered: Python drops an
    exception raised inside a weakref callback or a __del__ ("Exception ignored in …",
    seen when the signal lands in the import system's lock clean-up), and the run would
    go on as if never interrupted.

    Only where Ctrl-C is Python's own: a run that started with it ignored (under nohup,
    as a background job of a script) or handled by the program that calls main() keeps
    it so."""
    seen: list[int] = []
    ours = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if not ours or threading.current_thread() is not threading.main_thread():
        yield seen  # ignored or handled by the caller, or not our thread: left as it is
        return
    report_unraisable = sys.unraisablehook

    def on_interrupt(signum: int, frame: object) -> None:
        seen.append(signum)
        raise KeyboardInterrupt

    def on_unraisable(unraisable: UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, KeyboardInterrupt):  # that one is said once
            report_unraisable(unraisable)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    sys.unraisablehook = on_unraisable
    try:
        yield seen
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = report_unraisable


def main(argv: list[str] | None = None) -> int:
    use_utf8_safe_output()
    with interrupts_remembered() as interrupted:
        code = run_command(argv)
    if interrupted and code != EXIT_INTERRUPTED:  # the KeyboardInterrupt was swallowed
        say(CANCELLED)
        return EXIT_INTERRUPTED
    return code


CANCELLED = "已取消（Ctrl-C）；没有写出不完整的文件"


def run_command(argv: list[str] | None) -> int:
    """The sub-command `argv` names, every way it can end turned into an exit status."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_CANNOT_RUN
        code = int(args.func(args) or 0)
        sys.stdout.flush()
        return code
    except UnionxlError as e:
        say(str(e))
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        say(CANCELLED)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except MemoryError:
        say("内存不足，无法完成：请关闭其他程序，或把台账分成几个文件夹分别处理")
        return EXIT_CANNOT_RUN
    except OSError as e:
        from unionxl.outputs.atomic import os_reason

        where = f"{e.filename}：" if e.filename else ""
        say(f"无法完成：{where}{os_reason(e)}")
        return EXIT_CANNOT_RUN
    except Exception as e:  # a bug of unionxl: one line, never a traceback (unless asked)
        if os.environ.get("UNIONXL_DEBUG"):
            raise
        say(
            f"内部错误（{type(e).__name__}）：这是 unionxl 的问题，不是台账的问题。"
            "请设置环境变量 UNIONXL_DEBUG=1 重新运行，把输出连同台账一起反馈"
        )
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The `unionxl` command (and `python -m unionxl`): main(), then the process ends at
    once. Python's own shutdown would free every object one at a time (0.04 s after a
    check of the example office, seconds at 300,000 members); nothing is left to do by
    then: outputs are written, threads and worker pools ended inside main()."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout:
                code = code or EXIT_BROKEN_PIPE  # the output did not all arrive
    os._exit(code)


if __name__ == "__main__":
    run()
