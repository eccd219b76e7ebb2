"""Time `unionxl check PARENT --each` against checking the same offices one by one.

    python benchmarks/bench_each.py [--offices 12] [--runs 3]

A dozen copies of the 3k office (benchmarks/offices/3k) under one parent folder; the
baseline is what a federation would do without --each: one `unionxl check OFFICE --json`
process after another. Target (issue 10): --each ≤ 0.6 × the one-by-one time on the
2-core machines.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PARENT = ROOT / "benchmarks" / "offices" / "each"


def parent_of(offices: int) -> Path:
    from benchmarks.run import office

    source = office("3k")
    wanted = [PARENT / f"单位{i + 1:02d}" for i in range(offices)]
    if PARENT.exists() and sorted(PARENT.iterdir()) != wanted:
        shutil.rmtree(PARENT)
    for folder in wanted:
        if not folder.exists():
            folder.mkdir(parents=True)
            for book in source.glob("*.xls*"):
                shutil.copy(book, folder / book.name)
    return PARENT


def seconds(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        raise SystemExit(f"command failed ({done.returncode}): {' '.join(cmd)}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    parent = parent_of(args.offices)
    unionxl = [sys.executable, "-m", "unionxl", "check"]
    folders = sorted(p for p in parent.iterdir() if p.is_dir())
    one_by_one = statistics.median(
        sum(seconds([*unionxl, str(f), "--json"]) for f in folders) for _ in range(args.runs)
    )
    each = statistics.median(
        seconds([*unionxl, str(parent), "--each", "--json"]) for _ in range(args.runs)
    )
    print(f"check --each over {len(folders)} copies of the 3k office, median of {args.runs}:")
    print(f"  one by one (separate processes) {one_by_one:7.2f} s")
    print(
        f"  --each (process pool)           {each:7.2f} s   {each / one_by_one:.2f} × (target ≤ 0.60)"
    )


if __name__ == "__main__":
    main()
