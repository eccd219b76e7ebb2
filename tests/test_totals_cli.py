"""`unionxl totals` as a user runs it: JSON = API, terminal (GBK too), 汇总.xlsx."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import clean_tables
from test_totals import CLEAN_TOTALS, PART_TWO

import unionxl
from unionxl.cli import main

TOP_KEYS = ["year", "budget", "donations", "visits", "proposals", "awards", *PART_TWO]


def run_cli(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "unionxl", *args], capture_output=True, env=env, timeout=120
    )


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_equals_api(make_office):
    folder = make_office()
    done = run_cli("totals", str(folder), "--json")
    assert done.returncode == 0, done.stderr.decode()
    printed = json.loads(done.stdout.decode("utf-8"))
    assert printed == unionxl.totals(folder).to_dict() == CLEAN_TOTALS
    assert list(printed) == TOP_KEYS
    assert list(printed["budget"]) == [
        "lines",
        "income_total",
        "expense_total",
        "opening_balance",
        "closing_balance",
    ]
    assert list(printed["budget"]["lines"][0]) == [
        "account",
        "kind",
        "budget",
        "actual",
        "rate",
        "remaining",
    ]
    assert list(printed["donations"]["campaigns"][0]) == [
        "campaign",
        "amount",
        "donors",
        "received",
        "reconciled",
    ]
    assert list(printed["donations"]["departments"][0]) == [
        "campaign",
        "department",
        "amount",
        "donors",
        "members",
        "participation",
    ]
    assert list(printed["visits"]["by_type"][0]) == ["type", "count", "members", "amount"]
    # Chinese as written, indented by 2.
    assert '  "year": 2023,' in done.stdout.decode() and "慈善一日捐" in done.stdout.decode()


def test_json_with_year_option_and_absent_tables(make_office, capsys):
    folder = make_office({"提案": clean_tables()["提案"]})
    code, out, _ = run_main(capsys, "totals", str(folder), "--json", "--year", "2024")
    assert code == 0
    assert json.loads(out) == {
        "year": 2024,
        "budget": None,
        "donations": None,
        "visits": None,
        "proposals": {"collected": 2, "accepted": 2, "filed": 1, "answered": 1, "satisfied": 1},
        "awards": None,
        **dict.fromkeys(PART_TWO),
    }


def test_terminal_clean_office(make_office, capsys):
    code, out, _ = run_main(capsys, "totals", str(make_office()))
    assert code == 0
    assert out.splitlines()[0] == "测试学院工会 2023 年度汇总"
    for heading in (
        "一、预算执行",
        "二、捐款活动",
        "三、部门参与",
        "四、慰问",
        "五、提案",
        "六、获奖",
    ):
        assert heading in out
    assert re.search(r"^年末结余\s+1,149\.50$", out, re.M)
    assert re.search(r"^慈善一日捐\s+300\.00\s+2\s+300\.00\s+相符$", out, re.M)
    assert "校验发现" not in out


def test_terminal_says_how_many_errors_but_still_totals(make_office, capsys):
    tables = clean_tables()
    tables["收支明细"][1].append(
        [dt.date(2023, 6, 1), "003", "职工服务支出", "水费", None, "一百元", "王五"]
    )
    tables["会员"][1][1][3] = tables["会员"][1][1][3][:17] + "0"  # checksum error
    folder = make_office(tables)
    code, out, _ = run_main(capsys, "totals", str(folder))
    errors = unionxl.check(folder).errors
    assert code == 0 and errors >= 2
    assert f"校验发现 {errors} 个错误" in out
    assert re.search(r"^支出合计\s+300\.00\s+250\.50\s", out, re.M)  # the unreadable row is skipped


def test_gbk_console_does_not_crash(make_office):
    tables = clean_tables()
    # Data may hold characters GBK lacks: they are replaced, never a crash.
    tables["捐款活动"][1].append(["爱心捐款❤", None, None, 10])
    tables["捐款明细"][1].append(
        ["爱心捐款❤", "0101", "张三", "数理学院", 10, dt.date(2023, 5, 12)]
    )
    done = run_cli("totals", str(make_office(tables)), encoding="gbk")
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    text = done.stdout.decode("gbk")
    assert "预算执行" in text and "相符" in text and "爱心捐款?" in text
    assert b"Traceback" not in done.stderr


def test_missing_folder_exits_2_with_one_line(tmp_path):
    done = run_cli("totals", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "找不到文件夹" in err


def test_unreadable_workbook_exits_2(make_office, capsys):
    folder = make_office()
    (folder / "坏.xlsx").write_bytes(b"garbage")
    code, out, err = run_main(capsys, "totals", str(folder), "--json")
    assert code == 2 and out == ""
    assert "坏.xlsx" in err and len(err.strip().splitlines()) == 1


# --- 汇总.xlsx --------------------------------------------------------------------


HEADER_ROW = 3  # below the title row and the "金额单位：元" line


def read_sheet(path: Path, name: str) -> list[tuple]:
    """The header row and the rows below it."""
    book = openpyxl.load_workbook(path)
    return [tuple(c.value for c in row) for row in book[name].iter_rows(min_row=HEADER_ROW)]


def test_output_workbook_values_and_formats(make_office, tmp_path, capsys):
    tables = clean_tables()
    tables["预算"][1].append(["职工活动支出", "支出", 1000])
    tables["收支明细"][1].append(
        [dt.date(2023, 6, 1), "003", "会员活动支出", "活动", None, 300, "王五"]
    )
    folder = make_office(tables)
    target = tmp_path / "out" / "汇总.xlsx"
    target.parent.mkdir()
    code, out, err = run_main(capsys, "totals", str(folder), "--json", "--output", str(target))
    assert code == 0
    assert json.loads(out)["year"] == 2023  # stdout stays pure JSON
    assert "汇总已写入" in err

    book = openpyxl.load_workbook(target)
    # part two (台账格式 §5b): a sheet for each register the office keeps (会员, 部门, 获奖对象)
    assert book.sheetnames == [
        "预算执行",
        "捐款活动",
        "部门参与",
        "慰问",
        "提案",
        "获奖",
        "会员",
        "二级工会",
        "获奖对象",
    ]
    budget = book["预算执行"]
    assert budget["A1"].value == "测试学院工会 2023 年度预算执行情况"
    assert [c.value for c in budget[HEADER_ROW]] == [
        "科目",
        "类别",
        "上级科目",
        "预算数",
        "决算数",
        "执行率",
        "差额（预算－决算）",
    ]
    assert all(c.font.b for c in budget[HEADER_ROW])
    for ws in book.worksheets:
        assert ws.freeze_panes == "A4"
    assert [tuple(c.value for c in row) for row in budget.iter_rows(min_row=4, max_row=7)] == [
        ("会费收入", "收入", None, 500, 400, 0.8, 100),
        ("职工服务支出", "支出", None, 300, 250.5, 0.835, 49.5),
        ("职工活动支出", "支出", None, 1000, 300, 0.3, 700),
        ("会员活动支出", "支出", "职工活动支出", 0, 300, None, -300),
    ]
    assert budget["A7"].alignment.indent == 1
    assert budget["D4"].number_format == "#,##0.00"
    assert budget["E5"].number_format == "#,##0.00"
    assert budget["F4"].number_format == "0.00%"
    assert budget.column_dimensions["A"].width > 10
    balances = {
        row[0]: row[4]
        for row in read_sheet(target, "预算执行")
        if row and row[0] in ("上年结余", "本年收入", "本年支出", "年末结余")
    }
    assert balances == {"上年结余": 1000, "本年收入": 400, "本年支出": 550.5, "年末结余": 849.5}

    assert read_sheet(target, "捐款活动") == [
        ("活动", "捐款金额", "捐款人数", "到账金额", "对账"),
        ("慈善一日捐", 300, 2, 300, "相符"),
        ("合计", 300, None, 300, None),
    ]
    assert book["捐款活动"]["B4"].number_format == "#,##0.00"
    departments = read_sheet(target, "部门参与")
    assert departments[1:] == [
        ("慈善一日捐", "数理学院", 100, 1, 1, 1),
        ("慈善一日捐", "机关", 200, 1, 0, None),
        ("慈善一日捐", "合计", 300, 2, 1, 2),
    ]
    assert book["部门参与"]["F4"].number_format == "0.00%"
    assert read_sheet(target, "慰问")[-1] == ("合计", 2, 1, 800)
    assert read_sheet(target, "提案")[1:] == [
        ("征集提案", 2),
        ("确定提案（立案及转意见建议）", 2),
        ("正式立案", 1),
        ("已答复", 1),
        ("满意", 1),
    ]
    assert read_sheet(target, "获奖")[1:] == [
        ("国家级", 0),
        ("省级", 1),
        ("市级", 0),
        ("校级", 0),
        ("合计", 1),
    ]


def test_output_absent_tables_have_a_note(make_office, tmp_path, capsys):
    folder = make_office({"设置": clean_tables()["设置"]})
    code, _, _ = run_main(capsys, "totals", str(folder), "--output", str(tmp_path / "汇总.xlsx"))
    assert code == 0
    assert read_sheet(tmp_path / "汇总.xlsx", "提案") == [
        ("项目", "件数"),
        ("台账中没有“提案”表", None),
    ]


def test_output_into_a_folder_and_office_folder_rules(make_office, capsys):
    folder = make_office()
    before = unionxl.load(folder).tables.keys()
    # A folder as --output: 汇总.xlsx inside it; inside the office folder it is never read as data.
    code, out, _ = run_main(capsys, "totals", str(folder), "--output", str(folder))
    assert code == 0 and (folder / "汇总.xlsx").exists() and "汇总已写入" in out
    assert unionxl.load(folder).tables.keys() == before
    assert unionxl.check(folder).errors == 0
    # Any other name in the office folder would be read as a ledger next time: refused.
    code, _, err = run_main(
        capsys, "totals", str(folder), "--output", str(folder / "2023汇总.xlsx")
    )
    assert code == 2 and "汇总.xlsx" in err and not (folder / "2023汇总.xlsx").exists()
    # An office workbook is never overwritten.
    ledger = folder / "经费.xlsx"
    data = ledger.read_bytes()
    code, _, err = run_main(capsys, "totals", str(folder), "--output", str(ledger))
    assert code == 2 and "台账工作簿" in err and ledger.read_bytes() == data
    code, _, err = run_main(capsys, "totals", str(folder), "--output", str(folder / "汇总.xls"))
    assert code == 2 and ".xlsx" in err


def test_output_open_in_excel(make_office, tmp_path, capsys, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr("unionxl.outputs.atomic.os.replace", refuse)
    code, out, err = run_main(capsys, "totals", str(make_office()), "--output", str(target))
    assert code == 2 and out == ""
    assert err.strip() == "unionxl：汇总.xlsx 正在被 Excel 打开，请关闭后重试"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["汇总.xlsx"]  # no temp file left


def test_writer_api_returns_path(make_office, tmp_path):
    from unionxl.figures.compute import compute_totals
    from unionxl.outputs.totals_xlsx import write_totals_xlsx

    totals = compute_totals(unionxl.load(make_office()))
    assert write_totals_xlsx(totals, tmp_path) == tmp_path / "汇总.xlsx"
    with pytest.raises(unionxl.UnionxlError, match="xlsx"):
        write_totals_xlsx(totals, tmp_path / "汇总.csv")
