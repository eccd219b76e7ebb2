"""`unionxl check` as a user runs it: exit codes, JSON, terminal, results workbook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from conftest import clean_tables

import unionxl


def run_cli(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "unionxl", *args], capture_output=True, env=env, timeout=120
    )


def broken_office(make_office) -> Path:
    tables = clean_tables()
    tables["会员"][1][1][3] = tables["会员"][1][1][3][:17] + "0"  # checksum error
    tables["会员"][1][2][8] = "1391234"  # phone warning
    return make_office(tables)


def test_json_equals_api_and_exit_1(make_office):
    folder = broken_office(make_office)
    done = run_cli("check", str(folder), "--json")
    assert done.returncode == 1
    printed = json.loads(done.stdout.decode("utf-8"))
    assert printed == unionxl.check(folder).to_dict()
    assert list(printed) == ["findings", "summary", "sheets", "unused"]
    assert list(printed["findings"][0]) == [
        "severity",
        "rule",
        "file",
        "sheet",
        "row",
        "column",
        "cell",
        "field",
        "value",
        "message",
    ]
    assert printed["summary"] == {"errors": 1, "warnings": 1, "files": 6, "rows": 23}


def test_clean_office_exits_0(make_office):
    done = run_cli("check", str(make_office()))
    assert done.returncode == 0
    assert "共 0 个错误，0 个警告" in done.stdout.decode()


def test_unreadable_exits_2_with_one_line(make_office, tmp_path):
    folder = make_office()
    (folder / "坏.xlsx").write_bytes(b"garbage")
    done = run_cli("check", str(folder), "--json")
    assert done.returncode == 2
    err = done.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "坏.xlsx" in err[0] and "Traceback" not in done.stderr.decode()
    assert json.loads(done.stdout)["summary"]["files"] == 6
    missing = run_cli("check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and missing.stdout == b""
    assert missing.stderr.decode().count("\n") == 1 and "找不到文件夹" in missing.stderr.decode()


def test_terminal_on_a_gbk_console_masks_personal_data(make_office):
    folder = broken_office(make_office)
    done = run_cli("check", str(folder), encoding="gbk")
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("gbk")
    lines = text.splitlines()
    assert "会员名册.xlsx · 会员" in lines
    error_line = next(i for i, line in enumerate(lines) if "D2" in line)
    warning_line = next(i for i, line in enumerate(lines) if "I3" in line)
    assert error_line < warning_line and "错误" in lines[error_line]
    id_number = clean_tables()["会员"][1][1][3][:17] + "0"
    assert id_number not in text and "350902********1230" in text
    assert "共 1 个错误，1 个警告" in text


def test_results_workbook_links_to_the_cell(make_office, tmp_path):
    folder = broken_office(make_office)
    out = tmp_path / "结果" / "校验结果.xlsx"
    done = run_cli("check", str(folder), "--output", str(out))
    assert done.returncode == 1 and out.exists()
    sheet = openpyxl.load_workbook(out)["校验结果"]
    header = [c.value for c in sheet[3]]  # below the title and the counts line
    assert header[:6] == ["级别", "文件", "工作表", "单元格", "所在行", "字段"]
    row = [c.value for c in sheet[4]]
    assert row[:6] == ["错误", "会员名册.xlsx", "会员", "D2", "张三", "身份证号"]
    link = sheet.cell(4, 4).hyperlink
    assert link.target.replace("\\", "/") == "../office/会员名册.xlsx"
    assert link.location == "'会员'!D2"
    assert sheet.auto_filter.ref.startswith("A3:")
    assert not list(tmp_path.joinpath("结果").glob(".~unionxl-*"))  # no temp file left


def test_output_where_no_folder_can_be_made_is_one_line(make_office, tmp_path):
    blocker = tmp_path / "文件"
    blocker.write_text("x")
    done = run_cli("check", str(make_office()), "--output", str(blocker / "子" / "校验结果.xlsx"))
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "Traceback" not in err and err.count("\n") == 1 and "无法在" in err


def test_output_never_replaces_an_office_workbook(make_office):
    folder = make_office()
    before = (folder / "会员名册.xlsx").read_bytes()
    done = run_cli("check", str(folder), "--output", str(folder / "会员名册.xlsx"))
    assert done.returncode == 2 and "校验结果.xlsx" in done.stderr.decode()
    assert (folder / "会员名册.xlsx").read_bytes() == before
    assert run_cli("check", str(folder), "--output", str(folder / "校验结果.xlsx")).returncode == 0
    assert unionxl.check(folder).files == 6  # its own results are not read as a ledger
