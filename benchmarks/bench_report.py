"""Time `unionxl report`: a 捐款公示 with a 3,000-name list (--named), and each report.

    python benchmarks/bench_report.py [--names 3000] [--runs 5] [--office DIR]

Builds an office with one campaign of N donors (openpyxl, in a temp folder) unless
--office is given, loads it once, then times, median of --runs:

- the template doctor on 捐款公示.docx (runs before every render),
- building its context (totals included) with the named list,
- rendering and writing the .docx (docxtpl + atomic write),

and prints seconds. Target (issue 4): the named 3,000-name notice renders in well
under a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉婷雪琳晨"


def make_office(folder: Path, names: int) -> Path:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    departments = [f"第{i + 1}学院" for i in range(20)]
    book = openpyxl.Workbook()
    book.remove(book.active)
    settings = book.create_sheet("设置")
    for row in (["项目", "值"], ["单位名称", "基准测试工会"], ["年度", 2023], ["上年结余", 0]):
        settings.append(row)
    members = book.create_sheet("会员")
    members.append(["工号", "姓名", "部门", "状态"])
    campaigns = book.create_sheet("捐款活动")
    campaigns.append(["活动", "开始日期", "结束日期", "到账金额"])
    donations = book.create_sheet("捐款明细")
    donations.append(["活动", "工号", "姓名", "部门", "金额", "日期"])
    total = 0
    for i in range(names):
        number = f"{i + 1:05d}"
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // 7) % len(GIVEN)] + GIVEN[i % 11]
        department = departments[i % len(departments)]
        amount = 50 + (i % 10) * 10
        total += amount
        members.append([number, name, department, "在职"])
        donations.append(["慈善一日捐", number, name, department, amount, dt.date(2023, 5, 10)])
    campaigns.append(["慈善一日捐", dt.date(2023, 5, 1), dt.date(2023, 5, 31), total])
    book.save(folder / "台账.xlsx")
    return folder


def median_time(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--office", type=Path, help="an existing office folder instead")
    args = parser.parse_args()

    import unionxl
    from unionxl.reports import BUILTIN
    from unionxl.reports.context import Options, build_context
    from unionxl.reports.doctor import examine
    from unionxl.reports.render import render

    with tempfile.TemporaryDirectory() as temp:
        folder = args.office or make_office(Path(temp) / "office", args.names)
        office = unionxl.load(folder)
        template = BUILTIN / "捐款公示.docx"
        info = examine(template)
        sections = {"通用", "捐款"}
        options = Options(named=True, today=dt.date(2024, 1, 15))
        totals = office.totals()
        context = build_context(totals, office.policy, options, sections)
        people = sum(len(c["名单"]) for c in context["捐款活动"])
        out = Path(temp) / "out" / "捐款公示.docx"

        doctor = median_time(lambda: examine(template), args.runs)
        build = median_time(
            lambda: build_context(office.totals(), office.policy, options, sections), args.runs
        )
        write = median_time(lambda: render(template, context, out), args.runs)
        print(f"捐款公示 --named, {people} names in the list, median of {args.runs} runs:")
        print(f"  template doctor      {doctor:6.3f} s")
        print(f"  totals + context     {build:6.3f} s")
        print(f"  render + write docx  {write:6.3f} s   ({out.stat().st_size / 1024:.0f} KiB)")
        print(f"  total                {doctor + build + write:6.3f} s")
        assert not info.problems, info.problems


if __name__ == "__main__":
    main()
