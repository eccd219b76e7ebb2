"""Write output files whole or not at all: temp file beside the target, then rename.

Every failure becomes one Chinese line that says what happened (`os_reason`): a full
disk, a read-only folder, no permission, or (only when the folder itself is writable
and the target exists) a file held open by Excel or Word.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from unionxl.model.errors import UnionxlError

REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EFBIG: "文件超出了允许的大小（磁盘或系统限制）",
    errno.EROFS: "磁盘或共享文件夹是只读的",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EIO: "磁盘读写出错",
    errno.EEXIST: "同名文件已存在",
}


def os_reason(e: OSError) -> str:
    """An OSError in the words of an office clerk (the errno, never the English text)."""
    return REASONS.get(e.errno or 0, f"系统错误 {e.errno}" if e.errno else str(e))


def underlying_oserror(e: BaseException) -> OSError | None:
    """The OSError behind `e` (XlsxWriter wraps it in FileCreateError), if any."""
    seen: set[int] = set()
    current: BaseException | None = e
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        wrapped = next((a for a in current.args if isinstance(a, OSError)), None)
        if wrapped is not None:
            return wrapped
        current = current.__cause__ or current.__context__
    return None


def writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def write_failure(target: Path, e: OSError) -> UnionxlError:
    """The one line for a write that failed (the caller deletes what was half-written)."""
    folder = target.parent
    if isinstance(e, PermissionError) and target.exists() and writable(folder):
        return UnionxlError(f"无法写入 {target.name}：文件可能正在被 Excel/Word 打开，请关闭后重试")
    if e.errno in (errno.EACCES, errno.EPERM):
        return UnionxlError(f"无法写入 {target}：没有权限在文件夹 {folder} 中写入，请换一个文件夹")
    return UnionxlError(f"无法写入 {target}：{os_reason(e)}（没有留下不完整的文件）")


def let_go(e: BaseException) -> None:
    """Drop what a failed writer left open (XlsxWriter's zip file on a full disk) now,
    quietly: its own close would fail again and print "Exception ignored" at exit."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        chain: list[BaseException] = []
        current: BaseException | None = e
        while current is not None and current not in chain:
            chain.append(current)
            current = current.__cause__ or current.__context__
        for link in chain:
            if link.__traceback__ is not None:
                traceback.clear_frames(link.__traceback__)
            link.__context__ = link.__cause__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(temp_path)`, then move the temp file onto `target`.

    A target that is open in Excel or Word (Windows refuses the rename) gives a clear
    one-line UnionxlError; the old file stays as it was and no half-written file is left.
    """
    target = Path(target)
    if target.is_dir():
        raise UnionxlError(f"{target} 是一个文件夹，请给出要写入的文件名")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".~unionxl-", suffix=target.suffix, dir=target.parent)
    except OSError as e:
        raise UnionxlError(f"无法在 {target.parent} 中保存 {target.name}：{os_reason(e)}") from None
    os.close(fd)
    temp_path = Path(temp)
    # mkstemp makes the file private (0600); outputs are ordinary files others may open.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp_path, 0o666 & ~umask)
    try:
        write(temp_path)
        os.replace(temp_path, target)
    except Exception as e:  # disk full, read-only share …: nothing half-written is left
        cause = underlying_oserror(e)
        if cause is None:
            raise
        failure = write_failure(target, cause)
        let_go(e)
        if "Excel" in str(failure):
            failure.__cause__ = cause  # callers may word the open-file case their own way
        raise failure from failure.__cause__
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
    return target
