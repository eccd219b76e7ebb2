"""Screenshot of the unionxl window on the example office with planted mistakes: docs/gui.png.

    .venv/bin/python docs/make_gui_png.py

Copies workbooks/ to a temporary folder, breaks a few cells there (the copy only),
opens the window under a private Xvfb, runs 校验 and saves the window with ImageMagick's
`import`. Needs Xvfb, ImageMagick and a Chinese font (fonts-noto-cjk).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# (file, sheet, cell, new value): the README's three mistakes and one more.
MISTAKES = (
    ("会员名册.xlsx", "会员", "D17", None),  # 身份证号 check digit: last digit + 1
    ("会员名册.xlsx", "会员", "I20", "1369235315"),  # 手机 one digit short
    ("慰问.xlsx", "慰问登记", "F5", "购物卡"),  # festival gift as a shopping card
    ("经费.xlsx", "收支明细", "C6", "招待费"),  # an account not in 科目
)


def plant(folder: Path) -> None:
    import openpyxl

    for file in sorted({m[0] for m in MISTAKES}):
        book = openpyxl.load_workbook(folder / file)
        for f, sheet, cell, value in MISTAKES:
            if f == file:
                if value is None:
                    old = str(book[sheet][cell].value)
                    value = old[:-1] + str((int(old[-1]) + 1) % 10)
                book[sheet][cell].value = value
        book.save(folder / file)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        return server, ":" + pipe.readline().strip()


def main() -> None:
    server, display = start_xvfb()
    os.environ["DISPLAY"] = display
    try:
        import tkinter as tk

        from unionxl.gui.app import App

        with tempfile.TemporaryDirectory() as tmp:
            office = Path(tmp) / "2023台账"
            shutil.copytree(HERE.parent / "workbooks", office)
            plant(office)
            root = tk.Tk()
            root.geometry("1060x520+0+0")
            app = App(root, office, config=Path(tmp) / "gui.json")
            app.folder_text.set(r"D:\工会\2023台账")  # as a clerk's PC would show it
            app.run_action("校验")
            while app.busy:
                root.update()
                time.sleep(0.01)
            for text in (app.status_text, app.notice_text):
                text.set(text.get().replace(str(office) + os.sep, "D:\\工会\\2023台账\\"))
            for _ in range(20):
                root.update()
                time.sleep(0.02)
            target = HERE / "gui.png"
            subprocess.run(
                ["import", "-window", root.winfo_id().__str__(), str(target)], check=True
            )
            print(f"wrote {target}: {app.status_text.get()}")
            root.destroy()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
