"""Write output files whole or not at all: temp file beside the target, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from unionxl.model.errors import UnionxlError


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
        raise UnionxlError(f"无法在 {target.parent} 中保存 {target.name}：{e.strerror or e}") from e
    os.close(fd)
    temp_path = Path(temp)
    # mkstemp makes the file private (0600); outputs are ordinary files others may open.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp_path, 0o666 & ~umask)
    try:
        write(temp_path)
        os.replace(temp_path, target)
    except PermissionError as e:
        raise UnionxlError(
            f"无法写入 {target.name}：文件可能正在被 Excel/Word 打开，请关闭后重试"
        ) from e
    except OSError as e:  # disk full, read-only share …: nothing half-written is left
        raise UnionxlError(f"无法写入 {target}：{e.strerror or e}") from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
    return target
