"""`unionxl check FOLDER [--json] [--output 校验结果.xlsx] [--year N]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="校验台账工作簿，指出每个有问题的单元格")
    p.add_argument("folder", help="存放台账工作簿的文件夹")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序使用）")
    p.add_argument("--output", metavar="校验结果.xlsx", help="另存校验结果工作簿（带单元格链接）")
    p.add_argument("--year", type=int, help="年度（默认取“设置”表中的年度）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from unionxl.office import load
    from unionxl.outputs.findings_text import render

    office = load(args.folder, year=args.year)
    report = office.check()
    for reason in report.unreadable:
        print(f"unionxl：{reason}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(report, args.folder))
    if args.output:
        from unionxl.outputs.findings_xlsx import write_results

        path = write_results(report, office.folder, Path(args.output))
        print(f"校验结果已写入 {path}", file=sys.stderr if args.json else sys.stdout)
    return report.exit_code
