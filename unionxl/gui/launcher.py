"""`unionxl.cmd` in the office folder: double-click it to open the window on that folder.

cmd.exe reads a batch file in the console's code page (GBK on a Chinese Windows), so
the file is pure ASCII with CRLF line ends; the folder comes from `%~dp0` at run time,
which cmd keeps in Unicode, so a Chinese folder name is never written into the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from unionxl.outputs.atomic import write_atomically

LAUNCHER_NAME = "unionxl.cmd"

# "%~dp0." and not "%~dp0": a path ending in \" would reach Python with a stray quote.
_LINES = (
    "@echo off",
    "rem Opens the unionxl window on the folder this file is in.",
    "rem Written by 'unionxl excel' / 'unionxl new'; delete it if you do not want it.",
    "setlocal",
    'set "HERE=%~dp0."',
    'set "VENV_PYW=%LOCALAPPDATA%\\unionxl\\venv\\Scripts\\pythonw.exe"',
    'if exist "%VENV_PYW%" goto venv',
    'py -3 -c "import unionxl" <nul >nul 2>nul',
    "if not errorlevel 1 goto launcher",
    'python -c "import unionxl" <nul >nul 2>nul',
    "if not errorlevel 1 goto path",
    "echo unionxl is not installed on this computer.",
    "echo Run install.cmd from the unionxl offline bundle first, then try again.",
    "pause",
    "exit /b 1",
    ":venv",
    'start "" "%VENV_PYW%" -m unionxl gui "%HERE%"',
    "exit /b 0",
    ":launcher",
    'start "" pyw -3 -m unionxl gui "%HERE%"',
    "exit /b 0",
    ":path",
    'start "" pythonw -m unionxl gui "%HERE%"',
    "exit /b 0",
)
LAUNCHER = "\r\n".join(_LINES) + "\r\n"


@dataclass(frozen=True)
class LauncherOutcome:
    path: Path
    status: str  # written / same / kept

    @property
    def message(self) -> str:
        """One line for the clerk (printed by `unionxl excel` and `unionxl new`)."""
        if self.status == "kept":
            return f"{self.path} 已存在且与本版本不同，未覆盖（要更新，请删除它后重新运行）"
        return f"双击 {self.path} 可打开 unionxl 窗口（Excel 或 WPS 均可用）"


def write_launcher(folder: str | Path) -> LauncherOutcome:
    """Write unionxl.cmd into `folder`; an existing file is never replaced."""
    path = Path(folder) / LAUNCHER_NAME
    content = LAUNCHER.encode("ascii")
    if path.exists():
        try:
            same = path.read_bytes() == content
        except OSError:
            same = False
        return LauncherOutcome(path, "same" if same else "kept")
    write_atomically(path, lambda temp: temp.write_bytes(content))
    return LauncherOutcome(path, "written")
