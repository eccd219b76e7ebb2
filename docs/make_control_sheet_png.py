"""Render the control sheet of `unionxl.xlsm` to docs/control-sheet.png (LibreOffice headless).

    .venv/bin/python docs/make_control_sheet_png.py

Excel does not print form buttons (their VML says PrintObject False), so for the
picture only, a copy of the workbook is made with the button printable. Needs
`soffice` and `pdftoppm` (poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from unionxl.excel import control  # noqa: E402

EXAMPLE_PYTHON = r"C:\Users\gonghui\AppData\Local\Programs\Python\Python312\python.exe"


def printable_copy(source: Path, target: Path) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".vml"):
                data = data.replace(b"<x:PrintObject>False</x:PrintObject>", b"")
            zout.writestr(item, data)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        xlsm = control.build(tmp, interpreter=EXAMPLE_PYTHON)
        shown = tmp / "shown" / "unionxl.xlsm"
        shown.parent.mkdir()
        printable_copy(xlsm, shown)
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation={(tmp / 'p').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp),
                str(shown),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                "-x",
                "80",
                "-y",
                "75",
                "-W",
                "1150",
                "-H",
                "680",  # the sheet, without the margins
                str(tmp / "unionxl.pdf"),
                str(tmp / "page"),
            ],
            check=True,
            timeout=60,
        )
        shutil.copy(tmp / "page.png", HERE / "control-sheet.png")
    print(HERE / "control-sheet.png")


if __name__ == "__main__":
    main()
