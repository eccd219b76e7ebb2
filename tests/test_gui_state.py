"""The window's pure parts and `unionxl gui` without a display: no X server needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import clean_tables, rows_of, write_office
from unionxl import Finding
from unionxl.gui import state
from unionxl.gui.work import perform


def test_config_file_per_platform(tmp_path):
    win = state.config_file({"APPDATA": r"C:\Users\张三\AppData\Roaming"}, "win32")
    assert win == Path(r"C:\Users\张三\AppData\Roaming") / "unionxl" / "gui.json"
    assert state.config_file({"XDG_CONFIG_HOME": "/x"}, "linux") == Path("/x/unionxl/gui.json")
    assert state.config_file({"HOME": "/home/a"}, "linux") == Path(
        "/home/a/.config/unionxl/gui.json"
    )


def test_remember_and_recall(tmp_path):
    config = tmp_path / "deep" / "gui.json"
    assert state.remembered_folder(config) is None  # never chosen
    state.remember_folder(config, Path("D:/工会/2023台账"))
    assert json.loads(config.read_text(encoding="utf-8")) == {"folder": "D:/工会/2023台账"}
    assert state.remembered_folder(config) == Path("D:/工会/2023台账")
    assert state.starting_folder(None, config) == Path("D:/工会/2023台账")
    assert state.starting_folder("E:/其他", config) == Path("E:/其他")  # the command line wins
    config.write_text("{not json", encoding="utf-8")
    assert state.remembered_folder(config) is None  # a broken file is not fatal
    assert list(config.parent.iterdir()) == [config]  # no temp file left behind


def test_folder_from_cmd_with_stray_quote():
    # cmd turns "D:\台账\" into D:\台账" (the backslash escapes the quote)
    assert state.clean_folder_arg('D:\\台账"') == Path("D:\\台账")
    assert state.clean_folder_arg('  ""  ') is None


def finding(severity: str, file: str | None, row: int | None = None, **kw) -> Finding:
    return Finding(
        severity, "rule", f"{file}{row}", file=file, sheet="表", row=row, column="A", **kw
    )


def test_rows_keep_report_order_and_filter():
    findings = [
        finding("error", "b.xlsx", 2),
        finding("error", "a.xlsx", 3, value="350902198503121233", sensitive=True),
        finding("warning", "b.xlsx", 1),
        finding("warning", None),
    ]
    rows = state.finding_rows(findings)
    assert [(r.severity, r.file, r.cell) for r in rows] == [
        ("错误", "b.xlsx", "A2"),
        ("错误", "a.xlsx", "A3"),
        ("警告", "b.xlsx", "A1"),
        ("警告", state.NO_FILE, ""),
    ]
    assert rows[1].value == "350902********1233"
    assert [r.cell for r in state.finding_rows(findings, "b.xlsx")] == ["A2", "A1"]
    assert len(state.finding_rows(findings, state.ALL_FILES)) == 4
    assert state.file_choices(findings) == [state.ALL_FILES, "a.xlsx", "b.xlsx", state.NO_FILE]
    assert state.count_text(rows) == "2 个错误，2 个警告"
    assert state.workbook_of(Path("/o"), rows[0]) == Path("/o/b.xlsx")
    assert state.workbook_of(Path("/o"), rows[3]) is None


def test_pick_family_and_open_command():
    assert state.pick_family(["Arial", "Noto Sans CJK SC", "SimSun"]) == "Noto Sans CJK SC"
    assert state.pick_family(["Microsoft YaHei UI", "Noto Sans CJK SC"]) == "Microsoft YaHei UI"
    assert state.pick_family(["DejaVu Sans"]) is None
    assert state.open_command(Path("/o/a.xlsx"), "win32") is None  # os.startfile
    assert state.open_command(Path("/o/a.xlsx"), "linux") == ["xdg-open", "/o/a.xlsx"]
    assert state.open_path(Path("/nonexistent/校验结果.xlsx")).startswith("找不到")


def test_outputs_are_names_the_loader_skips(tmp_path):
    from unionxl.loading.folder import OUTPUT_NAMES  # skipped when unionxl wrote them

    outputs = state.Outputs.of(tmp_path)
    assert {outputs.results.name, outputs.totals.name} <= OUTPUT_NAMES
    assert outputs.reports == tmp_path / "报告"


def test_perform_writes_outputs_and_never_changes_a_ledger(tmp_path):
    tables = clean_tables()
    rows_of(tables, "会员")[2][3] = "350902199001010029"
    office = write_office(tmp_path / "台账", tables)
    before = {p.name: p.read_bytes() for p in office.iterdir()}
    seen: list[str] = []
    result = perform("全部", office, progress=seen.append)
    assert result.failure is None and result.errors == 1
    assert [f.cell for f in result.findings] == ["D3"]
    assert result.notices == [
        "台账中有 1 个错误，没有生成报告。请按列表改正台账并保存，再点“生成报告”。"
    ]
    assert [p.name for p in result.written] == ["校验结果.xlsx", "汇总.xlsx"]
    assert seen[0] == "正在读取台账…" and "正在汇总…" in seen
    assert {p.name: p.read_bytes() for p in office.iterdir() if p.name in before} == before
    # A second run reads the same ledgers: its own outputs are not taken for ledgers.
    assert perform("校验", office).files == result.files
    assert result.summary.startswith("全部：1 个错误，0 个警告（6 个工作簿")


def test_perform_missing_folder_is_a_failure_not_an_exception(tmp_path):
    result = perform("校验", tmp_path / "不存在")
    assert result.failure and "找不到" in result.failure
    assert result.summary.startswith("校验：未完成。")


def test_cli_without_display_is_one_line(tmp_path):
    """No X server (none named, or one that does not answer): one Chinese line, exit 2."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for extra in ({}, {"DISPLAY": ":31999"}):  # none at all; one that does not answer
        done = subprocess.run(
            [sys.executable, "-m", "unionxl", "gui", str(tmp_path)],
            env={**env, **extra, "XDG_CONFIG_HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done
        assert done.stdout == "" and "Traceback" not in done.stderr
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("unionxl：无法打开窗口"), lines


def test_install_messages_script_and_lines(tmp_path):
    import base64

    from unionxl.gui import install_messages as M

    target = Path(r"C:\Users\张三\AppData\Local\unionxl\venv\Scripts\pythonw.exe")
    script = M.shortcut_script("unionxl 工会台账", target, "-m unionxl gui", "O'Brien 的台账")
    assert (
        "$s.TargetPath = 'C:\\Users\\张三\\AppData\\Local\\unionxl\\venv\\Scripts\\pythonw.exe'"
        in script
    )
    assert "'O''Brien 的台账'" in script  # a quote inside a PowerShell literal is doubled
    assert "GetFolderPath('Desktop')" in script and "$s.Save()" in script
    decoded = base64.b64decode(M.encoded_command(script)).decode("utf-16-le")
    assert decoded == script
    lines = M.done_lines(Path(r"C:\venv"), None, "无法运行 PowerShell")
    assert lines[0].startswith("unionxl ") and "安装完成" in lines[0]
    assert any("没能在桌面上创建快捷方式（无法运行 PowerShell）" in line for line in lines)
    assert any("-m unionxl gui" in line for line in lines)
    made = M.done_lines(Path(r"C:\venv"), Path(r"C:\桌面\unionxl 工会台账.lnk"), "")
    assert "桌面上的“unionxl 工会台账”图标可打开 unionxl 窗口：" in made


def test_install_messages_command_prints_chinese():
    done = subprocess.run(
        [sys.executable, "-m", "unionxl.gui.install_messages", "done"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "安装完成" in out and "-m unionxl gui" in out


def test_results_file_that_cannot_be_written_is_a_notice(tmp_path):
    office = write_office(tmp_path / "台账", clean_tables())
    # stands in for a file Windows will not replace (a folder is written into: block that too)
    (office / "校验结果.xlsx" / "校验结果.xlsx").mkdir(parents=True)
    result = perform("校验", office)
    assert result.failure is None and result.files == 6 and result.written == []
    assert len(result.notices) == 1 and "校验结果.xlsx" in result.notices[0]


def test_gui_entry_point_without_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    code = "import sys; from unionxl.cli.gui import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr.startswith("unionxl：无法打开窗口")
