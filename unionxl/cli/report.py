"""`unionxl report FOLDER --out DIR [--only NAME] [--templates DIR] [--pdf] [--named]
[--force] [--check-templates] [--year N] [--date YYYY-MM-DD] [--previous LAST_YEAR_FOLDER]`:
Word reports from the office's workbooks."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

EXIT_OK, EXIT_DATA_ERRORS, EXIT_CANNOT_RUN = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="用 Word 模板生成报告（决算报告、捐款公示、工作报告数据、慰问发放表）",
        description="用 Word 模板生成报告。模板变量说明见 templates/README.md。",
        usage=(
            "unionxl report 文件夹 --out 文件夹 [--only 名称] [--templates 文件夹] [--pdf]"
            " [--named] [--force] [--year 年度]\n"
            "       [--date 成文日期] [--previous 上年台账文件夹]\n"
            "       unionxl report --check-templates [--templates 文件夹] [--only 名称]"
        ),
    )
    p.add_argument("folder", metavar="文件夹", nargs="?", help="存放台账工作簿的文件夹")
    p.add_argument("--out", metavar="文件夹", help="报告写入的文件夹（必需）")
    p.add_argument(
        "--only", metavar="名称", action="append", help="只生成这一份（如 捐款公示），可重复"
    )
    p.add_argument(
        "--templates", metavar="文件夹", help="使用本单位修改过的模板（同名替换内置模板）"
    )
    p.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 转换为 PDF")
    p.add_argument("--named", action="store_true", help="捐款公示附个人名单（只有姓名和金额）")
    p.add_argument(
        "--force",
        action="store_true",
        help="数据有错误也生成（页脚注明“仅供核对”）；覆盖 --out 中已有的同名报告",
    )
    p.add_argument(
        "--check-templates", action="store_true", help="只检查模板，列出每个有问题的标签"
    )
    p.add_argument("--year", type=int, metavar="年度", help="年度（默认取“设置”表中的年度）")
    p.add_argument(
        "--date",
        type=document_date,
        metavar="年-月-日",
        help="成文日期，如 2024-01-15（优先于“设置”表的成文日期；都没有时为当天）",
    )
    p.add_argument(
        "--previous",
        metavar="文件夹",
        help="上一年度的台账文件夹：决算报告列出上年决算和增减",
    )
    p.set_defaults(func=run)


def document_date(text: str) -> dt.date:
    """--date: 2024-01-15 (also 2024/1/15, 2024年1月15日, as the workbooks accept)."""
    from unionxl.model.values import BadValue, parse_date

    try:
        return parse_date(text)
    except BadValue as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check_templates_only(args: argparse.Namespace) -> int:
    from unionxl.reports import check_templates

    infos = check_templates(args.templates, args.only)
    problems = [p for info in infos for p in info.problems]
    for info in infos:
        print(f"{info.path.name}：{'有问题' if info.problems else '没有问题'}")
    for problem in problems:
        print(f"  {problem}")
    return EXIT_DATA_ERRORS if problems else EXIT_OK


def run(args: argparse.Namespace) -> int:
    from unionxl.model.errors import UnionxlError

    if args.check_templates:
        return check_templates_only(args)
    if not args.folder or not args.out:
        raise UnionxlError(
            "请给出台账文件夹和 --out 报告文件夹，如：unionxl report 台账 --out 报告"
        )
    from unionxl.cli.early import load_office, start_reading

    # The workbooks are read while the report libraries (docxtpl, lxml, Pillow) import.
    with start_reading(args.folder) as reader:
        from unionxl.reports import DataHasErrors
        from unionxl.reports.make import find_templates, refuse_to_overwrite

        if not args.force:  # make_reports refuses too; said here before the office is loaded
            refuse_to_overwrite(Path(args.out), find_templates(args.templates, args.only))
        office = load_office(args.folder, args.year, reader)  # unreadable: report says why
    try:
        result = office.report(
            args.out,
            only=args.only,
            templates=args.templates,
            named=args.named,
            force=args.force,
            pdf=args.pdf,
            date=args.date,
            previous=args.previous,
            progress=say,
        )
    except DataHasErrors as e:
        say(f"unionxl：{e}")
        return EXIT_DATA_ERRORS
    if result.errors:
        say(f"注意：数据校验存在 {result.errors} 个错误，报告仅供核对（页脚已注明）")
    for line in result.skipped:
        say(f"跳过 {line}")
    for note in result.notes:
        say(f"unionxl：{note}")
    for path in [*result.written, *result.pdfs]:
        print(f"已生成 {path}")
    return EXIT_OK
