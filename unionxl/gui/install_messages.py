"""What install.cmd runs once pip is done: `python -m unionxl.gui.install_messages done`.

It makes the desktop shortcut and prints the Chinese lines that a batch file cannot
(cmd.exe reads .cmd files in the console code page; Python writes to the console in
Unicode). The shortcut is made by PowerShell's WScript.Shell, handed its script as
-EncodedCommand (UTF-16) so no code page or quoting can mangle a Chinese path.
"""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import unionxl

SHORTCUT_NAME = "unionxl 工会台账"
DESCRIPTION = "工会台账：校验、汇总、生成报告（Excel 或 WPS 均可）"


def ps_quote(text: str) -> str:
    """A PowerShell single-quoted string literal."""
    return "'" + text.replace("'", "''") + "'"


def shortcut_script(name: str, target: Path, arguments: str, description: str) -> str:
    """PowerShell that puts `name`.lnk on the user's desktop (OneDrive-redirected or not)
    and prints the shortcut's path."""
    return "\n".join(
        [
            "$ErrorActionPreference = 'Stop'",
            "[Console]::OutputEncoding = [Text.Encoding]::UTF8",
            "$desktop = [Environment]::GetFolderPath('Desktop')",
            f"$link = Join-Path $desktop ({ps_quote(name + '.lnk')})",
            "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($link)",
            f"$s.TargetPath = {ps_quote(str(target))}",
            f"$s.Arguments = {ps_quote(arguments)}",
            "$s.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments')",
            f"$s.IconLocation = {ps_quote(str(target) + ',0')}",
            f"$s.Description = {ps_quote(description)}",
            "$s.Save()",
            "Write-Output $link",
        ]
    )


def encoded_command(script: str) -> str:
    """What powershell -EncodedCommand expects: base64 of the UTF-16LE text."""
    return base64.b64encode(script.encode("utf-16-le")).decode("ascii")


def create_shortcut(pythonw: Path) -> tuple[Path | None, str]:
    """(the .lnk made, "") or (None, a Chinese reason)."""
    if sys.platform != "win32":
        return None, "桌面快捷方式只能在 Windows 上创建"
    script = shortcut_script(SHORTCUT_NAME, pythonw, "-m unionxl gui", DESCRIPTION)
    command = ["powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass"]
    try:
        done = subprocess.run(
            [*command, "-EncodedCommand", encoded_command(script)],
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"无法运行 PowerShell：{e}"
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    if done.returncode != 0 or not lines:
        reason = done.stderr.decode("utf-8", "replace")  # the script set UTF-8 output
        return None, reason.strip().splitlines()[0] if reason.strip() else "PowerShell 出错"
    return Path(lines[-1].strip()), ""


def done_lines(prefix: Path, link: Path | None, problem: str) -> list[str]:
    """What the clerk reads at the end of install.cmd."""
    pythonw = prefix / "Scripts" / "pythonw.exe"
    lines = [f"unionxl {unionxl.__version__} 安装完成，位置：{prefix}", ""]
    if link is not None:
        lines.append(f"桌面上的“{SHORTCUT_NAME}”图标可打开 unionxl 窗口：")
    else:
        lines += [
            f"没能在桌面上创建快捷方式（{problem}）。",
            "可以这样打开 unionxl 窗口：在“运行”（Win+R）中输入下面一行后回车：",
            f'  "{pythonw}" -m unionxl gui',
            "或双击台账文件夹中的 unionxl.cmd（用 unionxl new 或 unionxl excel 生成）。",
            "",
            "打开窗口后：",
        ]
    lines += [
        "  选择台账文件夹，点“校验”“汇总”“生成报告”或“全部”。",
        "  用 Excel 或 WPS 都可以，不需要启用宏；结果写在台账文件夹中，台账本身不会被修改。",
        "",
        f'命令行用法："{prefix / "Scripts" / "unionxl.exe"}" check 台账文件夹',
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["done"]:
        print("用法：python -m unionxl.gui.install_messages done", file=sys.stderr)
        return 2
    prefix = Path(sys.prefix)
    link, problem = create_shortcut(Path(sys.executable).with_name("pythonw.exe"))
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]  # a console that cannot show a character
        except (AttributeError, ValueError):
            pass
    print("\n".join(done_lines(prefix, link, problem)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
