"""What `check --each` and `totals --each` print (台账格式 §7).

On a terminal: a progress bar on stderr while the offices run, then one line per office
and a total. With `--json`, or when the output is piped, no bar: only the JSON / lines.
Exit status: the highest of the offices'.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

from unionxl.many.jobs import Job, Result, check_job, offices_in, run_dask, run_local, totals_job
from unionxl.outputs.textwidth import pad


class ProgressBar:
    """`[██████······] 5/12 数理学院` on one line of a terminal; silent elsewhere."""

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO, shown: bool) -> None:
        self.total, self.done, self.stream, self.shown = total, 0, stream, shown

    def __call__(self, result: Result) -> None:
        self.done += 1
        if not self.shown:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        name = str(result.get("folder", ""))[:20]
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {pad(name, 20)}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 32) + "\r")
            self.stream.flush()


def on_terminal(args: argparse.Namespace) -> bool:
    return not args.json and sys.stdout.isatty() and sys.stderr.isatty()


def run_each(job: Job, args: argparse.Namespace) -> list[Result]:
    # The office code is imported here, before the pool forks: workers start warm.
    import unionxl.office  # noqa: F401

    folders = [str(p.resolve()) for p in offices_in(args.folder)]
    bar = ProgressBar(len(folders), sys.stderr, on_terminal(args))
    try:
        if args.scheduler:
            return run_dask(job, folders, year=args.year, address=args.scheduler, progress=bar)
        return run_local(job, folders, year=args.year, jobs=args.jobs, progress=bar)
    finally:
        bar.close()


def exit_status(results: list[Result]) -> int:
    return max((r["exit_code"] for r in results), default=0)


def check_each(args: argparse.Namespace) -> int:
    from unionxl.model.errors import UnionxlError

    if args.output:
        raise UnionxlError(
            "check --each 不另存校验结果工作簿：请用 --json 保存全部结果，"
            "或对单个单位运行 check 文件夹 --output 校验结果.xlsx"
        )
    results = run_each(check_job, args)
    summaries = [r["summary"] for r in results if r.get("summary")]
    summary = {
        "offices": len(results),
        "errors": sum(s["errors"] for s in summaries),
        "warnings": sum(s["warnings"] for s in summaries),
        "cannot_run": sum(1 for r in results if r["exit_code"] >= 2),
    }
    if args.json:
        print(json.dumps({"offices": results, "summary": summary}, ensure_ascii=False, indent=2))
    else:
        for line in check_lines(results, summary):
            print(line)
    return exit_status(results)


def check_lines(results: list[Result], summary: dict[str, int]) -> list[str]:
    width = max((len(r["folder"]) * 2 for r in results), default=8) + 2
    lines = []
    for r in results:
        s = r.get("summary")
        counts = f"{s['errors']:>6} 个错误  {s['warnings']:>6} 个警告" if s else ""
        reason = f"  无法读取：{r['reason']}" if r.get("reason") else ""
        lines.append(f"{pad(r['folder'], width)}{counts}{reason}".rstrip())
    line = (
        f"共 {summary['offices']} 个单位：{summary['errors']} 个错误，{summary['warnings']} 个警告"
    )
    if summary["cannot_run"]:
        line += f"；{summary['cannot_run']} 个单位无法校验"
    return [*lines, line + "。"]


def totals_each(args: argparse.Namespace) -> int:
    from unionxl.many.summary_xlsx import headline, total_row, write_summary
    from unionxl.outputs.targets import output_target

    target = None
    if args.output:
        target = output_target(args.output, own_name="汇总.xlsx", office_folder=None)
    results = run_each(totals_job, args)
    if args.json:
        out: dict[str, Any] = {
            "offices": [
                {k: v for k, v in r.items() if k in ("folder", "exit_code", "totals", "reason")}
                for r in results
            ]
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        rows = [headline(r.get("totals")) for r in results]
        width = max((len(r["folder"]) * 2 for r in results), default=8) + 2
        print(
            pad("单位", width)
            + "".join(" " * 10 + name for name in ("本年收入", "本年支出", "年末结余"))
        )
        for r, h in zip(results, rows):
            if r.get("totals") is None:
                print(f"{pad(r['folder'], width)}  无法汇总：{r.get('reason', '')}")
                continue
            print(
                f"{pad(r['folder'], width)}{money(h['本年收入'])}{money(h['本年支出'])}{money(h['年末结余'])}"
            )
        t = total_row(rows)
        print(
            f"{pad('合计', width)}{money(t['本年收入'])}{money(t['本年支出'])}{money(t['年末结余'])}"
        )
    if target is not None:
        written = write_summary(results, target)
        print(f"汇总已写入：{written}", file=sys.stderr if args.json else sys.stdout)
    return exit_status(results)


def money(value: str | None) -> str:
    return f"{Decimal(value):>18,.2f}" if value is not None else f"{'—':>18}"
