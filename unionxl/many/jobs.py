"""The per-office job and the engines that run it over many offices.

A job takes an office folder and returns a plain dict (picklable, JSON-able): exactly
what the single-office command prints for it, plus `folder` and `exit_code`. It never
raises: an office that cannot be read gets exit 2 and its one-line `reason`, so one
broken office never stops the others. A worker process that dies outright (a native
crash) is found by re-running the unfinished offices, the suspects one at a time.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from unionxl.model.errors import UnionxlError
from unionxl.reading.folder_reader import workbook_paths

EXIT_CANNOT_RUN, EXIT_INTERNAL = 2, 3

Result = dict[str, Any]
Job = Callable[[str, int | None], Result]
Progress = Callable[[Result], None]


def offices_in(parent: str | Path) -> list[Path]:
    """Every immediate sub-folder of `parent` that holds workbooks, by name."""
    parent = Path(parent)
    if not parent.is_dir():
        raise UnionxlError(
            f"找不到文件夹：{parent}" if not parent.exists() else f"{parent} 不是文件夹"
        )
    try:
        folders = sorted((p for p in parent.iterdir() if p.is_dir()), key=lambda p: p.name)
    except OSError as e:
        raise UnionxlError(f"无法读取文件夹 {parent}：{e.strerror or e}") from e
    offices = []
    for folder in folders:
        try:
            if workbook_paths(folder):
                offices.append(folder)
        except OSError:
            offices.append(folder)  # unreadable: the job says why
    if not offices:
        hint = "；它本身就是一个台账文件夹，请去掉 --each" if workbook_paths(parent) else ""
        raise UnionxlError(f"{parent} 下没有存放台账工作簿的子文件夹{hint}")
    return offices


def failed(folder: str, code: int, reason: str) -> Result:
    return {"folder": Path(folder).name, "exit_code": code, "reason": reason}


def check_job(folder: str, year: int | None = None) -> Result:
    """One office's `check --json`, with its folder name and exit status."""
    from unionxl.office import load

    try:
        report = load(folder, year=year).check()
    except UnionxlError as e:
        return {**failed(folder, EXIT_CANNOT_RUN, str(e)), "summary": None, "findings": []}
    except Exception as e:  # a bug of unionxl must not stop the other offices
        reason = f"内部错误（{type(e).__name__}）"
        return {**failed(folder, EXIT_INTERNAL, reason), "summary": None, "findings": []}
    result: Result = {"folder": Path(folder).name, "exit_code": report.exit_code}
    result.update(report.to_dict())
    if report.unreadable:
        result["reason"] = "；".join(report.unreadable)
    return result


def totals_job(folder: str, year: int | None = None) -> Result:
    """One office's `totals --json`, with its folder name and exit status."""
    from unionxl.office import load

    try:
        office = load(folder, year=year)
        totals = office.totals().to_dict()
    except UnionxlError as e:
        return {**failed(folder, EXIT_CANNOT_RUN, str(e)), "totals": None}
    except Exception as e:
        return {**failed(folder, EXIT_INTERNAL, f"内部错误（{type(e).__name__}）"), "totals": None}
    result: Result = {"folder": Path(folder).name, "exit_code": 0, "totals": totals}
    if office.unreadable:
        result["exit_code"] = EXIT_CANNOT_RUN
        result["reason"] = "；".join(office.unreadable)
    return result


def crashed(job: Job, folder: str) -> Result:
    extra: Result = {"summary": None, "findings": []} if job is check_job else {"totals": None}
    reason = "处理这个单位时程序异常退出（工作簿可能过大或已损坏）"
    return {**failed(folder, EXIT_CANNOT_RUN, reason), **extra}


def run_local(
    job: Job, folders: Iterable[str], *, year: int | None, jobs: int | None, progress: Progress
) -> list[Result]:
    """Run `job` over `folders` in a process pool (default: one worker per core)."""
    pending = list(folders)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending) or 1))
    results: dict[str, Result] = {}
    suspects: Counter[str] = Counter()
    while pending:
        alone = [f for f in pending if suspects[f] >= 2]
        batch = [f for f in pending if suspects[f] < 2]
        for group, size in ((batch, workers), *(([f], 1) for f in alone)):
            if not group:
                continue
            unfinished = run_pool(job, group, year, size, results, progress)
            for folder in unfinished:
                suspects[folder] += 1
                if size == 1 and len(group) == 1:  # alone, and it broke the pool again
                    results[folder] = crashed(job, folder)
                    progress(results[folder])
        pending = [f for f in pending if f not in results]
    return [results[f] for f in sorted(results, key=lambda f: Path(f).name)]


def run_pool(
    job: Job,
    folders: list[str],
    year: int | None,
    workers: int,
    results: dict[str, Result],
    progress: Progress,
) -> list[str]:
    """Run one pool over `folders`; the folders left unfinished when a worker died."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=ignore_ctrl_c)
    futures: dict[Future, str] = {pool.submit(job, f, year): f for f in folders}
    waiting = set(futures)
    try:
        while waiting:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                results[futures[future]] = result = future.result()
                progress(result)
    except BrokenProcessPool:
        return [f for f in folders if f not in results]
    except KeyboardInterrupt:  # Ctrl-C: no new office starts; the CLI says 已取消
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)
    return []


def ignore_ctrl_c() -> None:
    """Workers leave Ctrl-C to the main process (no traceback from each worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_dask(
    job: Job, folders: Iterable[str], *, year: int | None, address: str, progress: Progress
) -> list[Result]:
    """Run `job` over `folders` on the Dask cluster at `address` (the same paths must be
    readable on its workers: a shared drive)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UnionxlError("--scheduler 需要 Dask：请安装 pip install 'unionxl[dask]'") from None
    folders = list(folders)
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise UnionxlError(f"无法连接 Dask 调度器 {address}：{e}") from e
    results: dict[str, Result] = {}
    try:
        futures = client.map(job, folders, year=year, pure=False)
        by_future = dict(zip(futures, folders))
        for future in as_completed(futures):
            folder = by_future[future]
            try:
                results[folder] = future.result()
            except Exception:  # the worker died (KilledWorker) or lost the task
                results[folder] = crashed(job, folder)
            progress(results[folder])
    finally:
        client.close()
    return [results[f] for f in sorted(results, key=lambda f: Path(f).name)]
