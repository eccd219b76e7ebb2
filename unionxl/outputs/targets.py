"""Where an output may be written: one rule for every command that writes a workbook.

- `--output` may name a file or a folder (an existing one, or one written with a
  trailing slash): a folder gets the output's own name inside it.
- The file must end in the output's suffix (`.xlsx`): no workbook inside a `.txt`.
- Inside the office folder only the output's own name may be written (校验结果.xlsx,
  汇总.xlsx): any other name would be read as a ledger next time — or be one.
"""

from __future__ import annotations

import os
from pathlib import Path

from unionxl.model.errors import UnionxlError


def output_target(
    target: str | Path,
    *,
    own_name: str,
    office_folder: Path | None,
    office_files: tuple[str, ...] | list[str] = (),
) -> Path:
    """The path to write `target` to, or UnionxlError with the one-line reason."""
    text = str(target)
    path = Path(target)
    if path.is_dir() or text.endswith(("/", "\\", os.sep)):
        path = path / own_name
    suffix = Path(own_name).suffix
    if path.suffix.lower() != suffix:
        raise UnionxlError(f"输出文件应以 {suffix} 结尾：{path.name}（或给出一个文件夹）")
    inside = office_folder is not None and in_folder(path, office_folder)
    if inside and path.name == own_name and path.name in office_files:
        raise UnionxlError(  # an office workbook that happens to bear the output's name
            f"{path.name} 是台账工作簿，不能用来保存结果；请保存到其他文件夹"
        )
    if office_folder is not None and in_folder(path, office_folder) and path.name != own_name:
        if path.name in office_files:
            raise UnionxlError(
                f"{path.name} 是台账工作簿，不能用来保存结果；请另选文件名，如 {own_name}"
            )
        raise UnionxlError(
            f"保存到台账文件夹中的结果必须命名为 {own_name}（否则下次会被当作台账读取）；"
            "或保存到其他文件夹"
        )
    return path


def in_folder(path: Path, folder: Path) -> bool:
    try:
        return path.parent.resolve() == Path(folder).resolve()
    except OSError:
        return False
