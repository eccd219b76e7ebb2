"""`unionxl gui [FOLDER]`: the window (Excel or WPS, macros or not)."""

from __future__ import annotations

import argparse
import os
import sys

from unionxl.model.errors import UnionxlError

NO_DISPLAY = "无法打开窗口：这台电脑没有图形界面（找不到显示器）。可以改用 unionxl check、totals、report 命令"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="打开 unionxl 窗口：选择台账文件夹，点按钮校验、汇总、生成报告")
    p.add_argument("folder", nargs="?", help="台账文件夹（默认：上次选择的文件夹）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if sys.platform not in ("win32", "darwin") and not os.environ.get("DISPLAY"):
        raise UnionxlError(NO_DISPLAY)
    try:
        import tkinter
    except ImportError as e:  # a Python built without Tk
        raise UnionxlError("无法打开窗口：这个 Python 没有安装 tkinter") from e
    from unionxl.gui import app, state

    folder = state.starting_folder(args.folder, state.config_file())
    app.high_dpi_aware()  # before the first window exists
    try:
        root = tkinter.Tk()
    except tkinter.TclError as e:
        raise UnionxlError(NO_DISPLAY) from e
    app.run(root, folder)
    return 0


def main() -> int:
    """For a `gui-scripts` entry point (`unionxl-gui [FOLDER]`, no console on Windows)."""
    from unionxl.cli import main as cli_main

    return cli_main(["gui", *sys.argv[1:]])
