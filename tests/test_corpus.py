"""Third-party test workbooks (`make corpus`, marker `corpus`): calamine's 69 real-world
files and SheetJS's 400, read where they lie (UNIONXL_CORPUS, default ../shared/corpus),
never copied into the project.

Each file, alone in an office folder (a link to it), is checked by `unionxl check` in its
own process with bounded memory and time: it must end in findings (exit 0 or 1) or in one
Chinese line (exit 2) — no traceback, no abort, no English-only line — and stay unchanged.
The counts of what was read and refused, grouped by message, are printed at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CORPUS = Path(
    os.environ.get("UNIONXL_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)
SETS = {"real-world-xlsx": 69, "sheetjs": 400}
SUFFIXES = {".xls", ".xlsx", ".xlsm", ".xlsb"}
SECONDS = 60  # per file
MEMORY = 3 << 30
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
CJK = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.corpus


def bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def corpus_files() -> list[Path]:
    files = []
    for name, count in SETS.items():
        found = sorted(
            p for p in (CORPUS / name).iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
        )
        assert len(found) == count, (name, len(found))
        files.extend(found)
    return files


def check_alone(source: Path, folder: Path) -> dict:
    folder.mkdir()
    (folder / source.name).symlink_to(source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "unionxl", "check", "--json", str(folder)],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=SECONDS,
            preexec_fn=bounded,
        )
    except subprocess.TimeoutExpired:
        return {"file": source.name, "exit": "timeout", "stderr": "", "rules": []}
    rules = []
    if done.stdout.strip():
        rules = [f["rule"] for f in json.loads(done.stdout)["findings"]]
    return {
        "file": source.name,
        "exit": done.returncode,
        "stderr": done.stderr,
        "rules": rules,
        "unchanged": hashlib.sha256(source.read_bytes()).hexdigest() == before,
    }


def problem(result: dict) -> str | None:
    """What is wrong with how unionxl ended on one file (None: nothing)."""
    if result["exit"] not in (0, 1, 2):
        return f"exit {result['exit']}"
    err = result["stderr"].strip()
    if "Traceback" in err or "panicked" in err:
        return "traceback"
    if not result["unchanged"]:
        return "file changed"
    if err.count("\n"):
        return "more than one line"
    if result["exit"] == 2:
        said = err.removeprefix("unionxl：").removeprefix(result["file"] + "：")
        head = said.split("（")[0]
        if not CJK.search(head):
            return f"not Chinese: {err}"
    return None


def refused_line(result: dict) -> str | None:
    """The line saying why the file could not be read (None: it was read; a file that
    holds no union table is read, and exits 2 with a line about the folder)."""
    line = result["stderr"].strip().removeprefix("unionxl：")
    if result["exit"] == 2 and line.startswith(result["file"] + "："):
        return line.removeprefix(result["file"] + "：")
    return None


def test_every_corpus_file_ends_in_findings_or_one_chinese_line(tmp_path, capsys):
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS} (set UNIONXL_CORPUS)")
    files = corpus_files()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda ip: check_alone(ip[1], tmp_path / str(ip[0])), enumerate(files))
        )
    problems = {r["file"]: p for r in results if (p := problem(r))}
    assert problems == {}

    by_name = {r["file"]: r for r in results}
    said = {name: r["stderr"] for name, r in by_name.items()}
    if "password_2002_40_xor.xls" in said:  # XOR: calamine says "Codepage D7D4 not found"
        assert "设置了打开密码" in said["password_2002_40_xor.xls"]
    if "artifacts__quattro__write_57.xls" in said:
        assert "代码页 8001" in said["artifacts__quattro__write_57.xls"]
    if "BlankSheetTypes.xlsm" in by_name:  # an old macro sheet: read without it
        assert refused_line(by_name["BlankSheetTypes.xlsm"]) is None
        assert "sheet.skipped" in by_name["BlankSheetTypes.xlsm"]["rules"]
    xlsb = [r for r in results if r["file"].lower().endswith(".xlsb")]
    assert sum(refused_line(r) is None for r in xlsb) >= 219  # calamine opens 219 of the 221

    refused: Counter[str] = Counter()
    for r in results:
        if (line := refused_line(r)) is not None:
            refused[re.sub(r"（[^（）]*）$", "", line)] += 1
    no_tables = sum("没有认出任何台账表" in r["stderr"] for r in results)
    read = len(results) - sum(refused.values())
    lines = [
        f"corpus: {len(results)} files; {read} read ({no_tables} of them hold no union table: "
        f"exit 2, said so); {sum(refused.values())} refused:"
    ]
    lines += [f"  {count:4}  {reason}" for reason, count in refused.most_common()]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
