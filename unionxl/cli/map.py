"""`unionxl map FOLDER [--output 字段对照.xlsx]`: a proposed 字段对照 for the clerk to check."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("map", help="生成字段对照草稿：每个工作表的列对应哪张表的哪一列")
    p.add_argument("folder", help="存放台账工作簿的文件夹")
    p.add_argument("--output", metavar="字段对照.xlsx", default="字段对照.xlsx", help="草稿文件")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from unionxl.loading.proposal import propose
    from unionxl.outputs.mapping_xlsx import write_mapping

    rows = propose(args.folder)
    path = write_mapping(rows, Path(args.folder), Path(args.output))
    unsure = sum(1 for r in rows if not r["标准列名"])
    print(
        f"字段对照草稿已写入 {path}：{len(rows)} 列，其中 {unsure} 列未认出。"
        "请核对、填写“标准列名”，删去不需要的行，再把它放进台账文件夹"
    )
    return 0
