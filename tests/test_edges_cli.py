"""Issue 10: inputs and situations at the edges end in findings or one clear Chinese line,
with a documented exit status — never a traceback (0 ok, 1 data errors, 2 cannot run,
130 Ctrl-C, 141 the reader of the output went away)."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import clean_tables

import unionxl
from unionxl.version import __version__

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "workbooks"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def cli(*args: str, timeout: int = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unionxl", *map(str, args)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
        **kwargs,
    )


def one_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.strip()
    assert "Traceback" not in done.stderr and "Error:" not in err, done.stderr
    assert err.count("\n") == 0, err
    return err


# --- arguments -------------------------------------------------------------------------


def test_version():
    done = cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"unionxl {__version__}"


def test_help_is_chinese():
    done = cli("check", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("用法：unionxl check [-h]")
    for english in ("usage:", "show this help", "positional arguments", "options:"):
        assert english not in done.stdout
    assert "显示本帮助并退出" in done.stdout and "文件夹" in done.stdout
    top = cli("--help").stdout
    assert "命令" in top and "显示版本号并退出" in top


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check"], "缺少必需的参数：文件夹"),
        (
            ["frobnicate"],
            "没有命令 'frobnicate'，可选：check, totals, report, excel, new, map, gui",
        ),
        (["check", "x", "--year", "abc"], "--year 应为整数，而不是 'abc'"),
        (["check", "x", "--bogus"], "不认识的参数：--bogus"),
        (["check", "x", "--year"], "--year 后面要跟一个值"),
    ],
)
def test_argument_errors_are_chinese_exit_2(args, said):
    done = cli(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("用法：")
    assert lines[-1].endswith(said) and "：错误：" in lines[-1], lines[-1]


def test_placeholders_are_consistent_and_report_out_shown_required():
    for command in ("check", "totals", "report", "excel", "new"):
        usage = cli(command, "--help").stdout
        assert "文件夹" in usage.splitlines()[0] or "文件夹" in usage, command
        assert "folder" not in usage and "DIR" not in usage, command
    assert "--out 文件夹" in cli("report", "--help").stdout.splitlines()[0]
    assert "[--out" not in cli("report", "--help").stdout.splitlines()[0]


def test_jobs_without_each_is_refused():
    done = cli("check", WORKBOOKS, "--jobs", "2")
    assert done.returncode == 2 and "只能与 --each 一起使用" in one_line(done)


# --- stdout closed, Ctrl-C -------------------------------------------------------------


def test_closed_stdout_is_no_traceback():
    done = subprocess.run(
        f"{sys.executable} -m unionxl totals {WORKBOOKS} --json | head -c0",
        shell=True,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.stderr == ""


def test_broken_pipe_exit_status():
    proc = subprocess.Popen(
        [sys.executable, "-m", "unionxl", "check", str(WORKBOOKS), "--year", "1999", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    proc.stdout.close()  # the reader went away before anything was printed
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141 and b"Traceback" not in err and b"Exception ignored" not in err


def check_after(interrupter: str, before: str = "") -> subprocess.CompletedProcess:
    """A check of the example office in its own process, run after `interrupter` (code
    that arranges a SIGINT); `before`: code run before unionxl is imported."""
    code = (
        f"import gc, os, signal, sys, threading\n{before}\n"
        "from unionxl.cli import main\n"
        f"{interrupter}\n"
        f"sys.exit(main(['check', {str(WORKBOOKS)!r}, '--year', '1999']))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=120
    )


def assert_check_cancelled(interrupter: str) -> None:
    """The check ends with 130 and the one line."""
    done = check_after(interrupter)
    assert done.returncode == 130, done.stderr
    assert one_line(done) == "unionxl：已取消（Ctrl-C）；没有写出不完整的文件"


def test_ctrl_c_is_130_and_one_line():
    assert_check_cancelled("threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()")


def test_ctrl_c_ignored_when_started_ignored():
    """Started with SIGINT ignored (nohup, a background job of a script), unionxl leaves
    it ignored, as Python does: the check runs to its end."""
    done = check_after(
        "threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()",
        before="signal.signal(signal.SIGINT, signal.SIG_IGN)",
    )
    assert done.returncode == 1 and done.stderr == "", done.stderr
    assert "年度 1999 与台账不符" in done.stdout


def test_ctrl_c_swallowed_by_python_is_still_130():
    """Python drops an exception raised in a __del__ or a weakref callback ("Exception
    ignored in"): CI once saw Ctrl-C land in the import lock's clean-up and the check
    run on to exit 1. Here the signal is sent from a __del__ the garbage collector runs
    during the command."""
    assert_check_cancelled(
        "class Interrupts:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        sum(range(1000))  # the handler runs here, inside __del__\n"
        "gc.collect()\n"
        "cycle = Interrupts(); cycle.me = cycle; del cycle"
    )


# --- huge amounts ----------------------------------------------------------------------


def test_huge_amounts_are_findings_and_totals_never_crash(make_office, tmp_path):
    tables = clean_tables()
    ledger = tables["收支明细"][1]
    ledger.append([dt.date(2023, 5, 1), "003", "会费收入", "巨额", 1e30, None, "王五"])
    ledger.append([dt.date(2023, 5, 2), "004", "会费收入", "巨额文本", "10**30", None, "王五"])
    ledger.append(
        [dt.date(2023, 5, 3), "005", "会费收入", "巨额文本", "1" + "0" * 30, None, "王五"]
    )
    tables["预算"][1].append(["职工活动支出", "支出", 1e30])
    tables["捐款活动"][1][1][3] = 1e30
    tables["设置"][1][3][1] = "1e30"
    folder = make_office(tables)
    checked = cli("check", folder, "--json")
    assert checked.returncode == 1, checked.stderr
    cells = {f["cell"] for f in json.loads(checked.stdout)["findings"] if f["sheet"] == "收支明细"}
    assert {"E4", "E5", "E6"} <= cells
    totals = cli("totals", folder, "--json")
    assert totals.returncode == 0 and totals.stderr == "", totals.stderr
    assert json.loads(totals.stdout)["budget"]["income_total"] == "400.00"
    text = cli("totals", folder)
    assert text.returncode == 0 and "Traceback" not in text.stderr
    report = cli("report", folder, "--out", tmp_path / "报告", "--force")
    assert report.returncode == 0 and "Traceback" not in report.stderr, report.stderr


# --- --output: one rule for every command ---------------------------------------------


def test_output_targets(tmp_path):
    outdir = tmp_path / "outdir"
    done = cli("check", WORKBOOKS, "--output", f"{outdir}/")
    assert done.returncode == 0 and (outdir / "校验结果.xlsx").is_file(), done.stderr
    txt = cli("check", WORKBOOKS, "--output", tmp_path / "r.txt")
    assert txt.returncode == 2 and "应以 .xlsx 结尾" in one_line(txt)
    assert txt.stdout == "" and not (tmp_path / "r.txt").exists()  # said before any work
    existdir = tmp_path / "existdir"
    existdir.mkdir()
    totals = cli("totals", WORKBOOKS, "--output", existdir)
    assert totals.returncode == 0 and (existdir / "汇总.xlsx").is_file()
    check = cli("check", WORKBOOKS, "--output", existdir)
    assert check.returncode == 0 and (existdir / "校验结果.xlsx").is_file()
    inside = cli("totals", WORKBOOKS, "--output", WORKBOOKS / "会员名册.xlsx")
    assert inside.returncode == 2 and "是台账工作簿" in one_line(inside)


def test_office_workbook_named_like_a_result_is_read_and_named(make_office):
    folder = make_office()
    (folder / "会员名册.xlsx").rename(folder / "汇总.xlsx")
    report = unionxl.check(folder)
    assert "会员" in unionxl.load(folder).tables
    said = [f for f in report.findings if f.rule == "file.output_name"]
    assert said and said[0].file == "汇总.xlsx" and "已作为台账读取" in said[0].message
    done = cli("totals", folder, "--output", folder / "汇总.xlsx")
    assert done.returncode == 2 and "是台账工作簿" in one_line(done)


# --- full disk, read-only folders -------------------------------------------------------


def limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize("command", ["check", "totals"])
def test_write_beyond_the_disk_limit_is_one_line_exit_2_nothing_left(tmp_path, command):
    """The file-size limit makes every write past 4 KiB fail as on a full disk."""
    out = tmp_path / "out"
    out.mkdir()
    name = "校验结果.xlsx" if command == "check" else "汇总.xlsx"
    args = ["--year", "1999"] if command == "check" else []
    done = cli(command, WORKBOOKS, *args, "--output", out / name, preexec_fn=limit_file_size)
    assert done.returncode == 2
    assert (
        one_line(done)
        == f"unionxl：无法写入 {out / name}：文件超出了允许的大小（磁盘或系统限制）（没有留下不完整的文件）"
    )
    assert list(out.iterdir()) == []


def in_namespace(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )


def tmpfs_available(tmp_path: Path) -> bool:
    if not shutil.which("unshare"):
        return False
    probe = in_namespace(f"mount -t tmpfs -o size=64k none {tmp_path}")
    return probe.returncode == 0


@pytest.mark.parametrize("command", ["check", "totals"])
def test_full_disk_tmpfs(tmp_path, command):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not tmpfs_available(disk):
        pytest.skip("needs a tiny tmpfs (unshare -rm: user namespaces), not available here")
    name = "校验结果.xlsx" if command == "check" else "汇总.xlsx"
    args = "--year 1999" if command == "check" else ""
    done = in_namespace(
        f"mount -t tmpfs -o size=64k none {disk} && "
        f"head -c 1000000 /dev/zero > {disk}/.fill 2>/dev/null; "  # the disk is full
        f"{sys.executable} -m unionxl {command} {WORKBOOKS} {args} --output {disk}/{name} "
        f">/dev/null; echo rc=$? >&2; ls -A {disk} >&2"
    )
    lines = done.stderr.strip().splitlines()
    assert lines[0] == f"unionxl：无法写入 {disk}/{name}：磁盘空间不足（没有留下不完整的文件）", (
        lines
    )
    assert lines[1:] == ["rc=2", ".fill"]  # nothing half-written left on the disk


def test_read_only_folder_is_not_reported_as_open_in_excel(tmp_path):
    disk = tmp_path / "ro"
    disk.mkdir()
    if not tmpfs_available(disk):
        pytest.skip("needs a read-only mount (unshare -rm: user namespaces), not available here")
    done = in_namespace(
        f"mount -t tmpfs -o size=64k,ro none {disk} && "
        f"{sys.executable} -m unionxl totals {WORKBOOKS} --output {disk}/汇总.xlsx >/dev/null; "
        f"{sys.executable} -m unionxl new {disk}/新台账; echo rc=$? >&2"
    )
    lines = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert lines[0] == f"unionxl：无法在 {disk} 中保存 汇总.xlsx：磁盘或共享文件夹是只读的"
    assert lines[1].startswith("unionxl：") and "只读" in lines[1] and "Excel" not in lines[1]
    assert lines[2] == "rc=2"


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root may write into any folder (chmod cannot deny it)"
)
def test_unwritable_folder_says_permission(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    done = cli("new", folder / "新台账")
    assert done.returncode == 2 and "没有权限" in one_line(done) and "Excel" not in done.stderr
    done = cli("totals", WORKBOOKS, "--output", folder / "汇总.xlsx")
    assert done.returncode == 2 and "没有权限" in one_line(done)


# --- findings at scale ------------------------------------------------------------------


def test_year_matching_nothing_is_one_finding():
    done = cli("check", WORKBOOKS, "--year", "1999", "--json")
    assert done.returncode == 1
    printed = json.loads(done.stdout)
    assert [f["rule"] for f in printed["findings"]] == ["settings.year.nothing"]
    assert printed["summary"]["errors"] == 1
    message = printed["findings"][0]["message"]
    assert message.startswith("年度 1999 与台账不符：") and "2023 年" in message


def test_counts_are_true_and_json_says_what_was_capped(make_office):
    tables = clean_tables()
    ledger = tables["收支明细"][1]
    for i in range(1500):  # dates in 2022: 1,500 findings of one rule, plus the two in 2023
        ledger.append([dt.date(2022, 6, 1), f"9{i:04d}", "会费收入", "会费", 1, None, "王五"])
    folder = make_office(tables)
    done = cli("check", folder, "--json")
    printed = json.loads(done.stdout)
    listed = [f for f in printed["findings"] if f["rule"] == "ledger.date.year"]
    assert len(listed) == 1000
    assert (
        printed["summary"]["errors"]
        == sum(f["severity"] == "error" for f in printed["findings"]) + 500
    )
    assert printed["capped"] == [
        {"file": "经费.xlsx", "sheet": "收支明细", "rule": "ledger.date.year", "left_out": 500}
    ]
    assert list(printed)[:2] == ["findings", "summary"]
    text = cli("check", folder).stdout
    assert f"共 {printed['summary']['errors']} 个错误" in text and "另有 500 条" in text


def test_clean_json_has_no_capped_key():
    assert "capped" not in json.loads(cli("check", WORKBOOKS, "--json").stdout)


def test_fifty_megabyte_cell_is_shortened(make_office):
    tables = clean_tables()
    tables["会员"][1][1][4] = "出" * 5_000_000  # 出生日期: not a date
    folder = make_office(tables)
    done = cli("check", folder)
    assert done.returncode == 1
    assert len(done.stdout) < 20_000 and max(map(len, done.stdout.splitlines())) < 1000
    finding = next(f for f in unionxl.check(folder).findings if f.field == "出生日期")
    assert len(finding.value) < 300 and "个字符）" in finding.value
    assert len(finding.message) < 700


# --- what a newcomer meets ---------------------------------------------------------------


def test_placeholder_unit_name_is_a_finding(tmp_path):
    folder = tmp_path / "新台账"
    assert cli("new", folder, "--year", "2023").returncode == 0
    found = [f for f in unionxl.check(folder).findings if f.rule == "settings.unit.placeholder"]
    assert len(found) == 1 and found[0].cell == "B2" and "（请填写单位名称）" in found[0].message


def test_only_members_says_year_is_missing(make_office, tmp_path):
    tables = {k: v for k, v in clean_tables().items() if k in ("会员", "部门")}
    folder = make_office(tables)
    report = unionxl.check(folder)
    assert [f.rule for f in report.findings] == ["settings.year.missing"]
    assert "汇总和报告都需要年度" in report.findings[0].message
    done = cli("report", folder, "--out", tmp_path / "报告")
    assert done.returncode == 2 and "年度" in one_line(done)


def test_new_into_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = cli("new", blocker / "sub")
    assert done.returncode == 2 and one_line(done).startswith("unionxl：")


def test_excel_refuses_a_python_that_does_not_exist(tmp_path):
    done = cli("excel", WORKBOOKS, "--python", "/nonexistent/python.exe")
    assert done.returncode == 2
    assert "找不到 Python：/nonexistent/python.exe" in one_line(done)
    assert not (WORKBOOKS / "unionxl.xlsm").exists()


def test_excel_warns_when_a_linux_python_is_written_for_windows(tmp_path):
    folder = tmp_path / "台账"
    shutil.copytree(WORKBOOKS, folder)
    done = cli("excel", folder)
    assert done.returncode == 0
    assert "不是 Windows 上的 Python" in done.stderr
    book = openpyxl.load_workbook(folder / "unionxl.xlsm")
    assert "xlwings.conf" in book.sheetnames


def test_without_fontconfig_the_font_folders_give_the_same_cjk_font(tmp_path, monkeypatch):
    """Windows and macOS have no fc-list: reading the font folders finds the font too,
    and in a .ttc its Simplified Chinese face (Noto Sans CJK's first face is Japanese)."""
    from unionxl.reports import chart

    asked = chart.fontconfig_font()
    if asked is None:
        pytest.skip("no fontconfig or no CJK font on this machine")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chart.fontconfig_font() is None
    chart.cjk_font.cache_clear()
    try:
        assert chart.cjk_font() == chart.folder_font() == asked
    finally:
        chart.cjk_font.cache_clear()
    path, index = asked
    family, style, _ = chart.faces(Path(path))[index]
    assert family in chart.CJK_FONTS and style == "Regular"


def test_readme_mentions_only_options_that_exist():
    import re

    from unionxl.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    seen = 0
    for line in text.splitlines():
        for command in re.findall(r"unionxl (check|totals|report|excel|new)\b", line):
            known = set(commands[command]._option_string_actions)
            for option in re.findall(r"(--[a-z][a-z-]*)", line.split(f"unionxl {command}", 1)[1]):
                if option in ("--force",) and "没有 `--force`" in line:
                    continue
                if len(set(re.findall(r"unionxl (check|totals|report|excel|new)\b", line))) == 1:
                    assert option in known, (command, option, line)
                # an option named on the line of a command belongs to some command
                assert any(option in c._option_string_actions for c in commands.values()), option
                seen += option in known
    assert seen > 5


def test_report_never_silently_overwrites_a_clerks_document(make_office, tmp_path):
    folder, out = make_office(), tmp_path / "报告"
    assert cli("report", folder, "--out", out).returncode == 0
    edited = out / "捐款公示.docx"
    edited.write_bytes(b"what the clerk typed")
    again = cli("report", folder, "--out", out)
    assert again.returncode == 2
    message = one_line(again)
    assert message.startswith(f"unionxl：{out} 中已有 ") and "捐款公示.docx" in message
    assert message.endswith(
        "：不会覆盖（其中可能有手工修改）。请换一个 --out 文件夹、先把它们移走，或加 --force 覆盖"
    )
    assert edited.read_bytes() == b"what the clerk typed"
    forced = cli("report", folder, "--out", out, "--force")
    assert forced.returncode == 0 and edited.read_bytes() != b"what the clerk typed"
