"""Zip bombs: a workbook whose parts would inflate beyond any real ledger is refused
before anything inflates it.

An .xlsx is a zip. A few megabytes of deflate can inflate to gigabytes of
sharedStrings.xml or sheet XML, and calamine would take all of it (and abort). The zip's
own directory says how big each member is once inflated; reading that costs nothing. A
member that lies about its size is caught too: calamine stops at the declared size
("larger than its declared uncompressed size"), and our own pass inflates at most that
much (`inflate_part`).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from unionxl.model.errors import UnionxlError

# A 1,000,000-row sheet of 20 columns is ~1 GiB of XML: nothing real is larger.
MAX_PART_BYTES = 2 << 30
MAX_TOTAL_BYTES = 4 << 30
# Sheet XML deflates 5-20×, very repetitive sheets ~100×; deflate itself stops near
# 1,030×. Only members large enough to hurt are judged by their ratio.
MAX_RATIO = 200
RATIO_FROM_BYTES = 64 << 20

LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local file header


def guard_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Raise UnionxlError (one Chinese line) when a member would inflate absurdly."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        too_big = info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES
        if too_big or (info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO):
            raise UnionxlError(
                f"{path.name}：文件异常，其中的 {info.filename} 解压后有 "
                f"{info.file_size / (1 << 20):,.0f} MB（压缩了 {ratio:,.0f} 倍），不像真实的"
                "台账，未读取（可能是损坏或恶意的文件）。请用 Excel 打开后另存为 .xlsx，"
                "或删除该文件"
            )


def inflate_part(archive: zipfile.ZipFile, part: str) -> bytes | None:
    """A member's bytes, inflated in ONE zlib call bounded by its declared size; None
    when it inflates to more than it declared (calamine refuses such a member itself).

    zlib releases the GIL for the whole call, so this runs truly beside calamine (which
    holds the GIL while it builds Python values); zipfile's own reader inflates in small
    chunks and would wait for the GIL between each.
    """
    info = archive.getinfo(part)
    if info.file_size > MAX_PART_BYTES:
        return None
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED) or info.flag_bits & 0x1:
        with archive.open(part) as member:  # bounded: zipfile stops at the declared size
            return member.read()
    fp = archive.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = LOCAL_HEADER.unpack(fp.read(LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":
        return archive.read(part)
    fp.seek(header[9] + header[10], 1)  # file name and extra field
    raw = fp.read(info.compress_size)
    if info.compress_type == zipfile.ZIP_STORED:
        return raw[: info.file_size]
    inflater = zlib.decompressobj(-15)
    data = inflater.decompress(raw, info.file_size + 1)
    if len(data) > info.file_size:
        return None
    return data
