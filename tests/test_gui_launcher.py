"""unionxl.cmd: written by `unionxl excel` and `unionxl new`, never over the clerk's own file."""

from __future__ import annotations

import re

import pytest

from unionxl.cli import main as cli_main
from unionxl.gui.launcher import LAUNCHER, LAUNCHER_NAME, write_launcher


def assert_batch_file(data: bytes) -> None:
    """What cmd.exe on a Chinese Windows (GBK console) needs, and a few batch mistakes."""
    data.decode("ascii")  # cmd reads the file in the console code page: ASCII only
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), "CRLF line ends only"
    assert data.endswith(b"\r\n")
    text = data.decode("ascii")
    labels = set(re.findall(r"^:(\w+)\s*$", text, flags=re.M))
    for target in re.findall(r"\bgoto\s+(\w+)", text, flags=re.I):
        assert target.lower() == "eof" or target in labels, f"goto {target} has no label"
    for line in text.splitlines():
        assert line.count('"') % 2 == 0, f"unbalanced quotes: {line}"


def test_launcher_text():
    assert_batch_file(LAUNCHER.encode("ascii"))
    assert r"%LOCALAPPDATA%\unionxl\venv\Scripts\pythonw.exe" in LAUNCHER
    assert '-m unionxl gui "%HERE%"' in LAUNCHER and 'set "HERE=%~dp0."' in LAUNCHER
    assert "pyw -3 -m unionxl gui" in LAUNCHER


def test_write_same_and_kept(tmp_path):
    first = write_launcher(tmp_path)
    path = tmp_path / LAUNCHER_NAME
    assert first.status == "written" and first.path == path
    assert_batch_file(path.read_bytes())
    stamp = path.stat().st_mtime_ns
    again = write_launcher(tmp_path)
    assert again.status == "same" and path.stat().st_mtime_ns == stamp
    path.write_bytes(b"@echo off\r\nrem the clerk's own\r\n")
    kept = write_launcher(tmp_path)
    assert kept.status == "kept" and "未覆盖" in kept.message
    assert path.read_bytes() == b"@echo off\r\nrem the clerk's own\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [LAUNCHER_NAME]  # no temp file


@pytest.mark.parametrize("command", ["new", "excel"])
def test_cli_writes_it(tmp_path, capsys, command):
    folder = tmp_path / "台账"
    folder.mkdir()
    assert cli_main([command, str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"双击 {folder / LAUNCHER_NAME} 可打开 unionxl 窗口" in out
    assert (folder / LAUNCHER_NAME).read_bytes() == LAUNCHER.encode("ascii")
