"""Why a workbook cannot be read, in one Chinese line that says what the file is and
what to do; the library's own words, when they add anything, follow once at the end,
shortened at a word boundary.

Calamine and the zip and OLE libraries speak English ("Cfb error: Codepage 8001 not
found", "invalid Zip archive: Could not find EOCD"); a clerk reads what to do instead.
"""

from __future__ import annotations

import errno
from pathlib import Path

RESAVE = "请用 Excel 或 WPS 打开后另存为 .xlsx"
MAX_DETAIL = 120
# What a file is, by its first bytes (the extension says little: web systems save HTML
# and XML as .xls).
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
OLD_BIFF = (b"\x09\x00", b"\x09\x02", b"\x09\x04")  # Excel 2.x-4.0 worksheets, no OLE


def detail(error: BaseException) -> str:
    """The library's message, its first line, cut at a word boundary."""
    text = " ".join(str(error).split()) or type(error).__name__
    if len(text) <= MAX_DETAIL:
        return text
    cut = text[:MAX_DETAIL].rsplit(" ", 1)[0]
    return f"{cut} …"


def with_detail(line: str, error: BaseException | None) -> str:
    return f"{line}（{detail(error)}）" if error is not None else line


def head(path: Path, size: int = 4096) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError:
        return b""


def no_permission(path: Path) -> str:
    return (
        f"{path.name}：没有读取权限，无法打开。请让电脑管理员给当前用户读取权限，"
        "或把文件复制到自己的文件夹后再校验"
    )


def has_filepass(data: bytes) -> bool:
    """A BIFF5/BIFF8 workbook whose globals begin with FILEPASS: it is encrypted (XOR or
    RC4), which calamine cannot always tell from a broken file."""
    for bof in (b"\x09\x08\x10\x00\x00\x06\x05\x00", b"\x09\x08\x08\x00\x00\x05\x05\x00"):
        at = data.find(bof)
        if at < 0:
            continue
        for _ in range(40):  # FILEPASS comes within the first few records
            if at + 4 > len(data):
                break
            kind = int.from_bytes(data[at : at + 2], "little")
            size = int.from_bytes(data[at + 2 : at + 4], "little")
            if kind == 0x002F:
                return True
            if kind in (0x0085, 0x00FC, 0x0031):  # BOUNDSHEET, SST, FONT: past it
                break
            at += 4 + size
    return False


def unreadable_reason(path: Path, error: BaseException) -> str:
    """One line for a workbook calamine (or the zip) could not open."""
    name = path.name
    text = str(error)
    lowered = text.lower()
    if isinstance(error, PermissionError) or getattr(error, "errno", None) == errno.EACCES:
        return no_permission(path)
    if isinstance(error, IsADirectoryError):
        return f"{name}：是文件夹，不是工作簿"
    start = head(path)
    if "password" in lowered or "encrypt" in lowered or (start.startswith(OLE) and encrypted(path)):
        return f"{name}：工作簿设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它（需输入密码），取消打开密码后保存，再校验"
    if not start:
        return f"{name}：是空文件（0 字节），不是工作簿。请重新保存或删除它"
    if start.startswith(OLD_BIFF):
        return f"{name}：是 Excel 2.x–4.0 的旧格式（1992 年以前），无法读取。{RESAVE}"
    stripped = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return f"{name}：其实是网页（HTML）文件，只是扩展名为 {path.suffix}，无法作为工作簿读取。{RESAVE}"
    if not start.startswith((OLE, ZIP)) and b"\x00" not in start[:512]:
        return f"{name}：其实是文本文件（如 CSV），不是 Excel 工作簿。{RESAVE}"
    if "codepage" in lowered:
        code = text.split("Codepage", 1)[-1].split("not found")[0].strip()
        return with_detail(
            f"{name}：工作簿使用了不常见的字符编码（代码页 {code}），可能由 Quattro Pro 等其他"
            f"程序生成，无法读取。{RESAVE}",
            None,
        )
    if "macrosheet" in lowered or "boundsheet8:dt" in lowered:
        return (
            f"{name}：工作簿中有旧式宏表（Excel 4.0 宏），.xlsb 中的这种表无法读取。"
            "请用 Excel 打开后另存为 .xlsm 或 .xlsx"
        )
    if start.startswith(ZIP) or "zip" in lowered:
        if "declared uncompressed size" in lowered or "crc" in lowered or "eocd" in lowered:
            return with_detail(
                f"{name}：文件已损坏或不完整，可能没有下载或复制完整。"
                f"请重新获取文件，或用 Excel 或 WPS 打开后另存为 .xlsx",
                error,
            )
        return with_detail(
            f"{name}：工作簿结构不标准，可能由其他程序生成，无法读取。{RESAVE}", error
        )
    if start.startswith(OLE):
        return with_detail(
            f"{name}：是 .xls 工作簿，但其中的内容无法识别，无法读取。{RESAVE}", error
        )
    return with_detail(
        f"{name}：不是 Excel 工作簿（可能是改了扩展名的其他文件），无法读取。{RESAVE}", error
    )


def encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return False
    return has_filepass(data)
