"""The window under Xvfb, driven through its own methods (no clicks simulated)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import clean_tables, rows_of, write_office

XVFB = shutil.which("Xvfb")
pytestmark = pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (apt-get install xvfb)")
EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks"


@pytest.fixture(scope="module")
def display():
    """A private X server for this module; its display number chosen by Xvfb itself."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    old = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = f":{number}"
    yield f":{number}"
    if old is None:
        del os.environ["DISPLAY"]
    else:
        os.environ["DISPLAY"] = old
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def root(display):
    import tkinter as tk

    # Free earlier tests' Tk variables now, on the Tk thread: left to the cycle collector
    # they could be freed on this test's worker thread, which Tk refuses.
    gc.collect()
    window = tk.Tk()
    window.geometry("1100x600+0+0")
    yield window
    window.destroy()


def defective_office(folder: Path) -> Path:
    """The clean test office with two errors in two files and one warning."""
    tables = clean_tables()
    members = rows_of(tables, "会员")
    members[2][3] = "350902199001010029"  # 李四: check digit wrong (error, D3)
    members[1][8] = "2381234567"  # 张三: not a mobile number (warning, I2)
    rows_of(tables, "慰问登记")[1][5] = "购物卡"  # festival gift as a shopping card (error, F2)
    return write_office(folder, tables)


def wait_until_done(app, root, timeout: float = 60.0) -> int:
    """Pump the Tk loop until the worker has reported back; returns loop turns."""
    turns, limit = 0, time.monotonic() + timeout
    while app.busy:
        assert time.monotonic() < limit, "the worker never finished"
        root.update()
        time.sleep(0.005)
        turns += 1
    root.update()
    return turns


def test_check_fills_the_list_errors_first_and_filters(root, tmp_path):
    from unionxl.gui.app import App

    office = defective_office(tmp_path / "台账")
    app = App(root, office, config=tmp_path / "cfg" / "gui.json")
    assert app.run_action("校验")
    wait_until_done(app, root)

    shown = app.shown()
    assert [(r[0], r[1], r[3]) for r in shown] == [
        ("错误", "会员名册.xlsx", "D3"),
        ("错误", "慰问.xlsx", "F2"),
        ("警告", "会员名册.xlsx", "I2"),
    ]
    assert "350902********0029" in shown[0]  # masked on screen as in every other output
    assert app.count_text.get() == "2 个错误，1 个警告"
    assert app.status_text.get().startswith("校验：2 个错误，1 个警告（6 个工作簿")
    assert (office / "校验结果.xlsx").is_file()  # what 打开校验结果.xlsx opens
    assert app.notice_text.get().startswith(f"校验结果已写入 {office / '校验结果.xlsx'}")

    assert list(app.filter_box.cget("values")) == ["全部文件", "会员名册.xlsx", "慰问.xlsx"]
    app.set_filter("会员名册.xlsx")
    assert [(r[0], r[3]) for r in app.shown()] == [("错误", "D3"), ("警告", "I2")]
    assert app.count_text.get() == "1 个错误，1 个警告"
    app.set_filter("全部文件")
    assert len(app.shown()) == 3


def test_reports_refused_with_errors_and_made_when_clean(root, tmp_path):
    from unionxl.gui.app import App

    office = defective_office(tmp_path / "台账")
    app = App(root, office, config=tmp_path / "gui.json")
    app.run_action("全部")
    wait_until_done(app, root)
    assert "台账中有 2 个错误，没有生成报告" in app.notice_text.get()
    assert f"汇总已写入 {office / '汇总.xlsx'}" in app.notice_text.get()
    assert (office / "汇总.xlsx").is_file() and not (office / "报告").exists()

    clean = write_office(tmp_path / "clean", clean_tables())
    app.set_folder(clean)
    app.run_action("生成报告")
    wait_until_done(app, root)
    assert app.shown() == [("", "", "", "", "没有发现问题。", "")]
    made = sorted(p.name for p in (clean / "报告").glob("*.docx"))
    assert made and f"已生成 {len(made)} 份报告，在 {clean / '报告'}" in app.notice_text.get()


def test_folder_is_remembered(root, tmp_path):
    from unionxl.gui import state
    from unionxl.gui.app import App

    config = tmp_path / "cfg" / "gui.json"
    office = write_office(tmp_path / "台账 2023", clean_tables())
    App(root, office, config=config)
    assert state.starting_folder(None, config) == office
    again = App(root, state.starting_folder(None, config), config=config)
    assert again.folder == office and again.folder_text.get() == str(office)


def test_missing_folder_is_one_chinese_line(root, tmp_path):
    from unionxl.gui.app import App

    app = App(root, tmp_path / "不存在", config=tmp_path / "gui.json")
    assert "找不到文件夹" in app.status_text.get()
    assert not (tmp_path / "gui.json").exists()  # a folder that is not there is not kept
    app.run_action("校验")
    wait_until_done(app, root)
    assert app.notice_text.get().startswith("找不到") and "\n" not in app.notice_text.get()
    assert app.shown() == []


def test_window_stays_responsive_while_working(root, tmp_path):
    """Tk timers keep firing while the example office (19,000 rows) is checked."""
    from unionxl.gui.app import App

    office = tmp_path / "example"
    shutil.copytree(EXAMPLE, office)
    app = App(root, office, config=tmp_path / "gui.json")
    ticks: list[float] = []

    def tick() -> None:
        ticks.append(time.monotonic())
        root.after(10, tick)

    root.after(10, tick)
    started = time.monotonic()
    assert app.run_action("校验")
    assert time.monotonic() - started < 0.2  # the click returns at once …
    assert not app.run_action("校验")  # … and a second click while busy is ignored
    assert app.action_buttons["全部"].instate(["disabled"])
    wait_until_done(app, root)
    finished = time.monotonic()
    during = [t for t in ticks if started < t < finished]
    # Many timer callbacks ran during the work, and no gap was long.
    assert len(during) >= 10, (len(during), finished - started)
    gaps = [b - a for a, b in zip([started, *during], [*during, finished])]
    assert max(gaps) < 1.0, max(gaps)
    assert not app.action_buttons["全部"].instate(["disabled"])
    assert app.count_text.get() == "0 个错误，0 个警告"


def test_unionxl_gui_command_opens_and_stays_open(display, tmp_path):
    """The real entry point: `python -m unionxl gui FOLDER` shows the window until closed."""
    office = write_office(tmp_path / "台账", clean_tables())
    env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    process = subprocess.Popen(
        [sys.executable, "-m", "unionxl", "gui", f'{office}"'],  # as cmd passes "%~dp0"
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        limit = time.monotonic() + 30
        config = tmp_path / "cfg" / "unionxl" / "gui.json"
        while not config.exists():  # written once the window has taken the folder
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < limit, "the window never took the folder"
            time.sleep(0.1)
        time.sleep(0.5)
        assert process.poll() is None  # still open: mainloop is running
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert "Traceback" not in err, err
    assert json.loads(config.read_text(encoding="utf-8")) == {"folder": str(office)}


def test_double_click_and_open_buttons_open_the_right_files(root, tmp_path):
    from unionxl.gui.app import App

    office = defective_office(tmp_path / "台账")
    opened: list[Path] = []
    app = App(root, office, config=tmp_path / "gui.json", opener=lambda p: opened.append(p))
    app.open_output(lambda o: o.results)
    assert opened == [] and "还没有 校验结果.xlsx" in app.status_text.get()
    app.run_action("校验")
    wait_until_done(app, root)

    app.set_filter("慰问.xlsx")
    first = app.tree.get_children()[0]
    root.update()
    x0, y0, width, height = app.tree.bbox(first, "文件")
    for _ in range(2):  # two clicks on the row, as the pointer would make them
        app.tree.event_generate("<ButtonPress-1>", x=x0 + 5, y=y0 + height // 2)
        app.tree.event_generate("<ButtonRelease-1>", x=x0 + 5, y=y0 + height // 2)
    root.update()
    assert opened == [office / "慰问.xlsx"]
    app.open_output(lambda o: o.results)
    assert opened[-1] == office / "校验结果.xlsx"
    app.open_output(lambda o: o.reports)  # no reports yet
    assert len(opened) == 2 and "还没有 报告" in app.status_text.get()
