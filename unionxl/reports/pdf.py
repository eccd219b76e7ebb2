"""Word → PDF with LibreOffice: one `soffice` call for all documents, bounded in time.

LibreOffice spends most of a conversion starting up (~2 s with a fresh profile), so all
documents go through one call. It runs with its own throw-away profile
(`-env:UserInstallation`), so an office copy of LibreOffice that is already open is not
disturbed, and in its own process group, so that on timeout (or after it finishes) no
`soffice.bin` is left behind.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from unionxl.model.errors import UnionxlError
from unionxl.outputs.atomic import write_atomically

WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
MAC_PATH = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
# Time bound: LibreOffice's start-up plus a margin per table row, measured here at
# ~7 ms a row for many small tables (1,134 pages of 慰问发放表: 102 s) and up to ~50 ms
# a row for one long table (docx-facts: 4,000 rows 210 s).
BASE_TIMEOUT = 60.0
PER_ROW = 0.05


class LibreOfficeMissing(UnionxlError):
    """No LibreOffice on this computer: the Word documents stand, there is no PDF."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in (*WINDOWS_PATHS, MAC_PATH):
        if Path(path).exists():
            return path
    return None


def default_timeout(documents: list[Path]) -> float:
    """Seconds to allow one soffice call for `documents` (grows with their table rows)."""
    return BASE_TIMEOUT + PER_ROW * sum(table_rows(p) for p in documents)


def table_rows(document: Path) -> int:
    try:
        with zipfile.ZipFile(document) as z:
            xml = z.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return 0
    return xml.count(b"<w:tr>") + xml.count(b"<w:tr ")


def convert(documents: list[Path], out: Path, *, timeout: float | None = None) -> list[Path]:
    """Convert `documents` to PDF in `out` with one soffice call; return the PDFs."""
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(
            "未安装 LibreOffice，只生成了 Word 文档；需要 PDF 请安装 LibreOffice 后再加 --pdf"
        )
    limit = default_timeout(documents) if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="unionxl-pdf-") as temp:
        profile, pdf_dir = Path(temp) / "profile", Path(temp) / "pdf"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *(str(p) for p in documents),
        ]
        error = run_bounded(command, limit)
        made = []
        for doc in documents:
            pdf = pdf_dir / f"{doc.stem}.pdf"
            if not pdf.exists():
                reason = f"（{error}）" if error else ""
                raise UnionxlError(f"LibreOffice 没能把 {doc.name} 转换为 PDF{reason}")
            made.append(write_atomically(out / pdf.name, functools.partial(shutil.copyfile, pdf)))
    return made


def run_bounded(command: list[str], timeout: float) -> str:
    """Run soffice; kill its whole process group on timeout. Returns its last stderr line."""
    options: dict = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True
    try:
        process = subprocess.Popen(command, **options)
    except OSError as e:
        raise UnionxlError(f"无法启动 LibreOffice（{command[0]}）：{e}") from e
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop(process)
        process.communicate()
        raise UnionxlError(
            f"LibreOffice 转换 PDF 超过 {timeout:.0f} 秒仍未完成，已停止（Word 文档已生成，可在 Word 中另存为 PDF）"
        ) from None
    finally:
        stop(process)
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def stop(process: subprocess.Popen) -> None:
    """End soffice and anything it started (soffice.bin), if still running."""
    if sys.platform == "win32":
        if process.poll() is None:
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False
            )
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
