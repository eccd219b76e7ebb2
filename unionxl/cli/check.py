"""`unionxl check 文件夹 [--json] [--output 校验结果.xlsx] [--year N]`, and
`unionxl check 上级文件夹 --each [--jobs N] [--scheduler ADDRESS] [--json]` (台账格式 §7)."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

RESULTS_NAME = "校验结果.xlsx"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="校验台账工作簿，指出每个有问题的单元格",
        description="校验台账工作簿，指出每个有问题的单元格。退出码：0 无错误，1 有错误，2 无法运行。",
    )
    p.add_argument(
        "folder", metavar="文件夹", help="存放台账工作簿的文件夹（--each 时为上级文件夹）"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序使用）")
    p.add_argument(
        "--output",
        metavar=RESULTS_NAME,
        help="另存校验结果工作簿（给出文件或文件夹；带单元格链接）",
    )
    p.add_argument("--year", type=int, metavar="年度", help="年度（默认取“设置”表中的年度）")
    add_each_options(p)
    p.set_defaults(func=run)


def add_each_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("多个单位（台账格式 §7）")
    group.add_argument(
        "--each", action="store_true", help="文件夹下的每个子文件夹是一个单位，逐一处理（并行）"
    )
    group.add_argument(
        "--jobs", type=int, metavar="N", help="同时处理的单位数（默认：每个 CPU 核一个）"
    )
    group.add_argument(
        "--scheduler",
        metavar="地址",
        help="交给 Dask 集群处理，如 tcp://10.0.0.5:8786（需安装 unionxl[dask]；各机器须能访问同一路径）",
    )


def check_each_options(args: argparse.Namespace) -> None:
    from unionxl.model.errors import UnionxlError

    if not args.each and (args.jobs is not None or args.scheduler):
        raise UnionxlError("--jobs 和 --scheduler 只能与 --each 一起使用")
    if args.jobs is not None and args.jobs < 1:
        raise UnionxlError(f"--jobs 应为 1 或更大的整数，而不是 {args.jobs}")


def run(args: argparse.Namespace) -> int:
    from unionxl.cli.early import load_office, start_reading

    check_each_options(args)
    # Read while the rest imports; not for --each, whose pool's workers are forked.
    with nullcontext() if args.each else start_reading(args.folder) as reader:
        from unionxl.outputs.targets import output_target

        if args.output:  # a wrong target is said before the office is loaded
            output_target(args.output, own_name=RESULTS_NAME, office_folder=None)
        if reader is None:
            from unionxl.many.cli import check_each

            return check_each(args)
        office = load_office(args.folder, args.year, reader)
    target = None
    if args.output:
        target = output_target(
            args.output,
            own_name=RESULTS_NAME,
            office_folder=office.folder,
            office_files=office.files,
        )
    report = office.check()
    for reason in report.unreadable:  # said here once (the report on stdout does not)
        print(f"unionxl：{reason}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from unionxl.outputs.findings_text import render

        print(render(report, args.folder))
    if target is not None:
        from unionxl.outputs.findings_xlsx import write_results

        path = write_results(report, office.folder, target)
        print(f"校验结果已写入 {path}", file=sys.stderr if args.json else sys.stdout)
    return report.exit_code
