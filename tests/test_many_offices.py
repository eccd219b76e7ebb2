"""Many offices at once (台账格式 §7): `check --each`, `totals --each`, on a process pool
and on a Dask cluster; one broken office never stops the others."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import clean_tables

import unionxl
from unionxl.many.cli import ProgressBar
from unionxl.many.jobs import check_job, run_local

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def cli(*args, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unionxl", *map(str, args)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
    )


@pytest.fixture
def parent(tmp_path, make_office) -> Path:
    """甲 clean, 乙 with one error, 丙 with an unreadable workbook, and a folder of notes."""
    make_office(name="甲单位")
    tables = clean_tables()
    tables["会员"][1][1][3] = tables["会员"][1][1][3][:17] + "0"  # checksum error
    make_office(tables, name="乙单位")
    broken = make_office(name="丙单位")
    (broken / "坏.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "说明").mkdir()
    (tmp_path / "说明" / "readme.txt").write_text("no workbooks here")
    return tmp_path


def test_check_each_json_is_each_office_alone(parent):
    done = cli("check", parent, "--each", "--json", "--jobs", "2")
    assert done.returncode == 2  # the highest of the offices'
    printed = json.loads(done.stdout)
    assert [o["folder"] for o in printed["offices"]] == ["丙单位", "乙单位", "甲单位"]
    for office in printed["offices"]:
        alone = unionxl.check(parent / office["folder"])
        assert office["exit_code"] == alone.exit_code
        assert {k: office[k] for k in alone.to_dict()} == alone.to_dict()
    by_name = {o["folder"]: o for o in printed["offices"]}
    assert by_name["甲单位"]["exit_code"] == 0 and by_name["乙单位"]["exit_code"] == 1
    assert "坏.xlsx" in by_name["丙单位"]["reason"]
    assert printed["summary"] == {
        "offices": 3,
        "errors": sum(o["summary"]["errors"] for o in printed["offices"]),
        "warnings": sum(o["summary"]["warnings"] for o in printed["offices"]),
        "cannot_run": 1,
    }


def test_check_each_terminal_lines_and_no_bar_when_piped(parent):
    done = cli("check", parent, "--each")
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("丙单位") and "无法读取：坏.xlsx" in lines[0]
    assert lines[1].startswith("乙单位") and "1 个错误" in lines[1]
    assert lines[2].startswith("甲单位") and "0 个错误" in lines[2]
    assert lines[3].startswith("共 3 个单位：") and lines[3].endswith("1 个单位无法校验。")
    assert "\r" not in done.stderr and "█" not in done.stderr


def test_a_missing_office_folder_never_stops_the_others(parent):
    results = run_local(
        check_job,
        [str(parent / "甲单位"), str(parent / "不存在")],
        year=None,
        jobs=2,
        progress=lambda r: None,
    )
    assert [(r["folder"], r["exit_code"]) for r in results] == [("不存在", 2), ("甲单位", 0)]
    assert results[0]["reason"].startswith("找不到文件夹")


def dies_in_one(folder: str, year: int | None = None) -> dict:
    """A job whose worker process dies outright on one office (as a native crash would)."""
    if folder.endswith("乙单位"):
        os._exit(134)
    return check_job(folder, year)


def test_a_worker_that_dies_takes_only_its_own_office(parent):
    folders = [str(parent / name) for name in ("甲单位", "乙单位")]
    results = run_local(dies_in_one, folders, year=None, jobs=2, progress=lambda r: None)
    assert [(r["folder"], r["exit_code"]) for r in results] == [("乙单位", 2), ("甲单位", 0)]
    assert "异常退出" in results[0]["reason"]


def test_progress_bar_on_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(2, stream, shown=True)
    bar({"folder": "甲单位"})
    bar({"folder": "乙单位"})
    bar.close()
    text = stream.getvalue()
    assert "\r[" in text and "1/2 甲单位" in text and "2/2 乙单位" in text
    quiet = io.StringIO()
    ProgressBar(2, quiet, shown=False)({"folder": "甲"})
    assert quiet.getvalue() == ""


def test_totals_each_json_and_workbook(parent, tmp_path):
    out = tmp_path / "结果"
    done = cli("totals", parent, "--each", "--json", "--output", f"{out}/")
    assert done.returncode == 2, done.stderr
    printed = json.loads(done.stdout)
    by_name = {o["folder"]: o for o in printed["offices"]}
    alone = unionxl.totals(parent / "甲单位").to_dict()
    assert by_name["甲单位"]["totals"] == alone
    book = openpyxl.load_workbook(out / "汇总.xlsx")
    sheet = book["各单位汇总"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("单位（文件夹）", "年度", "上年结余")
    assert [r[0] for r in rows[1:]] == ["丙单位", "乙单位", "甲单位", "合计"]
    income = header.index("本年收入")
    expected = sum(
        Decimal(o["totals"]["budget"]["income_total"]) for o in printed["offices"] if o["totals"]
    )
    assert Decimal(str(rows[-1][income])) == expected
    assert "坏.xlsx" in rows[1][-1]


def test_each_on_a_folder_without_offices_is_one_line(tmp_path, make_office):
    office = make_office()
    done = cli("check", office, "--each")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"unionxl：{office} 下没有存放台账工作簿的子文件夹；它本身就是一个台账文件夹，请去掉 --each"
    )


@pytest.mark.filterwarnings("ignore")
def test_check_each_on_a_dask_cluster(parent):
    distributed = pytest.importorskip("distributed", reason="dask not installed (unionxl[dask])")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=":0"
    ) as cluster:
        done = cli("check", parent, "--each", "--json", "--scheduler", cluster.scheduler_address)
    assert done.returncode == 2, done.stderr
    printed = json.loads(done.stdout)
    local = json.loads(cli("check", parent, "--each", "--json").stdout)
    assert printed == local


def test_unreachable_scheduler_is_one_line(parent):
    pytest.importorskip("distributed", reason="dask not installed (unionxl[dask])")
    done = cli("check", parent, "--each", "--scheduler", "tcp://127.0.0.1:1", timeout=120)
    assert done.returncode == 2
    err = done.stderr.strip().splitlines()
    assert err[-1].startswith("unionxl：无法连接 Dask 调度器 tcp://127.0.0.1:1")
    assert "Traceback" not in done.stderr


def test_ctrl_c_during_each_is_130_and_one_line(parent):
    import shutil

    for i in range(30):  # enough offices that the run is still going when Ctrl-C comes
        shutil.copytree(parent / "甲单位", parent / f"单位{i:02d}")
    code = (
        "import os, signal, sys, threading\n"
        "from unionxl.cli import main\n"
        "threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()\n"
        f"sys.exit(main(['check', {str(parent)!r}, '--each', '--jobs', '1']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "unionxl：已取消（Ctrl-C）；没有写出不完整的文件"
