"""Word → PDF with LibreOffice: the documents converted side by side, bounded in time.

Each document gets its own `soffice` with its own throw-away profile
(`-env:UserInstallation`; two soffice cannot share one), so an office copy of LibreOffice
that is already open is not disturbed and the documents convert in parallel (the largest
first, as many at once as the computer has cores). Each runs in its own process group,
so that on timeout (or after it finishes) no `soffice.bin` is left behind.

The profile carries a font replacement table (fonts.py): a Chinese face the document
names but the computer lacks is set in the closest installed one (仿宋_GB2312 in Noto
Serif CJK SC …) rather than whatever LibreOffice would pick, and the user is told so in
one line. On a terminal, progress is shown on stderr.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

from unionxl.model.errors import UnionxlError
from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.textwidth import display_width, pad
from unionxl.reports.fonts import FontPlan, plan_for

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


MAX_PARALLEL = 4  # soffice processes at once (each takes ~200 MB)
# LibreOffice's start-up with a fresh profile (~1.5 s) in table rows of conversion time
# (~3 ms a row for tables of up to a few hundred rows).
START_UP_ROWS = 500
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution">\
<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
{pairs}</oor:items>
"""
PAIR = (
    '<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
    '<node oor:name="_{i}" oor:op="replace">'
    '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
    '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
    '<prop oor:name="ReplaceFont" oor:op="fuse"><value>{wanted}</value></prop>'
    '<prop oor:name="SubstituteFont" oor:op="fuse"><value>{face}</value></prop>'
    "</node></item>\n"
)


def registry(plan: FontPlan) -> str:
    """A LibreOffice profile's registrymodifications.xcu holding `plan` as its font
    replacement table (Tools ▸ Options ▸ Fonts, "Always")."""
    pairs = "".join(
        PAIR.format(i=i, wanted=escape(wanted), face=escape(face))
        for i, (wanted, face) in enumerate(plan.substitutes.items())
    )
    return REGISTRY.format(pairs=pairs)


def make_profile(folder: Path, plan: FontPlan) -> Path:
    """A fresh LibreOffice user profile in `folder` that applies `plan`."""
    user = folder / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(registry(plan), encoding="utf-8")
    return folder


def convert(
    documents: list[Path],
    out: Path,
    *,
    timeout: float | None = None,
    notes: list[str] | None = None,
) -> list[Path]:
    """Convert `documents` to PDF in `out`, several at once; return the PDFs (in the order
    of `documents`). A line saying which fonts stand in for absent ones goes to `notes`."""
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(
            "未安装 LibreOffice，只生成了 Word 文档；需要 PDF 请安装 LibreOffice 后再加 --pdf"
        )
    plan = plan_for(documents)
    note = plan.note()
    if note and notes is not None:
        notes.append(note)
    with tempfile.TemporaryDirectory(prefix="unionxl-pdf-") as temp:
        runs = Runs(soffice, Path(temp), plan, timeout)
        done = runs.convert_all(batches(documents, min(MAX_PARALLEL, os.cpu_count() or 1)))
        made = []
        for doc in documents:
            pdf, error = done[doc]
            if pdf is None:
                raise UnionxlError(error)
            made.append(write_atomically(out / pdf.name, functools.partial(shutil.copyfile, pdf)))
    return made


def batches(documents: list[Path], workers: int) -> list[list[Path]]:
    """`documents` shared out among at most `workers` soffice runs of about equal work
    (table rows), largest first. Small documents share one run: a run of its own would
    cost them more in LibreOffice's start-up than it saves."""
    weight = {d: table_rows(d) + START_UP_ROWS for d in documents}
    count = max(1, min(workers, len(documents), sum(weight.values()) // (2 * START_UP_ROWS)))
    runs: list[list[Path]] = [[] for _ in range(count)]
    loads = [0] * count
    for doc in sorted(documents, key=weight.__getitem__, reverse=True):
        lightest = loads.index(min(loads))
        runs[lightest].append(doc)
        loads[lightest] += weight[doc]
    return [r for r in runs if r]


class Runs:
    """The soffice runs of one `convert`, each with its own profile and folder."""

    def __init__(self, soffice: str, temp: Path, plan: FontPlan, timeout: float | None) -> None:
        self.soffice, self.temp, self.plan, self.timeout = soffice, temp, plan, timeout
        self.processes: list[subprocess.Popen] = []
        self.lock = threading.Lock()
        self.stopped = False

    def convert_all(self, runs: list[list[Path]]) -> dict[Path, tuple[Path | None, str]]:
        """Each document's PDF (or why there is none), the runs side by side."""
        progress = Progress(sum(len(r) for r in runs))
        pool = ThreadPoolExecutor(max_workers=len(runs))
        jobs = list(enumerate(runs))
        done: dict[Path, tuple[Path | None, str]] = {}
        try:
            for result in pool.map(lambda job: self.convert_run(job[0], job[1], progress), jobs):
                done.update(result)
        except BaseException:  # a timeout, Ctrl-C: no soffice keeps running
            self.stop_all()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            progress.finish()
        return done

    def convert_run(
        self, n: int, documents: list[Path], progress: Progress
    ) -> dict[Path, tuple[Path | None, str]]:
        """One soffice for `documents`, with its own profile (two cannot share one)."""
        folder = self.temp / str(n)
        profile = make_profile(folder / "profile", self.plan)
        pdf_dir = folder / "pdf"
        command = [
            self.soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *(str(d) for d in documents),
        ]
        limit = default_timeout(documents) if self.timeout is None else self.timeout
        error = run_bounded(command, limit, self.started)
        progress.step(len(documents))
        done: dict[Path, tuple[Path | None, str]] = {}
        for doc in documents:
            pdf = pdf_dir / f"{doc.stem}.pdf"
            reason = f"（{error}）" if error else ""
            done[doc] = (
                (pdf, "")
                if pdf.exists()
                else (None, f"LibreOffice 没能把 {doc.name} 转换为 PDF{reason}")
            )
        return done

    def started(self, process: subprocess.Popen) -> None:
        with self.lock:
            self.processes.append(process)
            if self.stopped:  # started as the others were being stopped
                stop(process)

    def stop_all(self) -> None:
        with self.lock:
            self.stopped = True
            for process in self.processes:
                stop(process)


class Progress:
    """ "正在转换 PDF：已完成 1/4，已用 12 秒", updated every second in place on a terminal's
    stderr (plain carriage returns and spaces: an old Windows console knows no escapes);
    silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        stream = sys.stderr
        self.stream = stream if stream is not None and stream.isatty() else None
        self.started = time.monotonic()
        self.shown = 0
        self.lock = threading.Lock()
        self.ended = threading.Event()
        if self.stream is not None:
            threading.Thread(target=self.tick, daemon=True).start()

    def tick(self) -> None:
        while not self.ended.wait(1.0):
            self.show()

    def show(self) -> None:
        with self.lock:
            if self.stream is None or self.ended.is_set():
                return
            seconds = time.monotonic() - self.started
            text = f"正在转换 PDF：已完成 {self.done}/{self.total}，已用 {seconds:.0f} 秒"
            self.stream.write("\r" + pad(text, self.shown))
            self.stream.flush()
            self.shown = display_width(text)

    def step(self, documents: int) -> None:
        with self.lock:
            self.done += documents
        self.show()

    def finish(self) -> None:
        with self.lock:
            self.ended.set()
            if self.stream is not None and self.shown:
                self.stream.write("\r" + " " * self.shown + "\r")
                self.stream.flush()


def run_bounded(
    command: list[str],
    timeout: float,
    started: Callable[[subprocess.Popen], None] | None = None,
) -> str:
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
    if started is not None:
        started(process)
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
