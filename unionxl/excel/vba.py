"""The VBA project of `unionxl.xlsm`, taken at run time from the installed xlwings.

xlwings ships `quickstart_standalone.xlsm` (what `xlwings quickstart NAME --standalone`
copies). Its `xl/vbaProject.bin` holds `xlwings.bas` (RunPython, of exactly the installed
xlwings version) and `Module1.SampleCall`, which runs `import <workbook name>;
<workbook name>.main()`. We copy that binary as it is (what XlsxWriter's `vba_extract`
does): nothing is committed, and the VBA always matches the Python side.

xlwings is located, not imported (importing it costs ~0.6 s and is not needed).
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

from unionxl.model.errors import UnionxlError

TEMPLATE_NAMES = ("quickstart_standalone.xlsm",)
VBA_MEMBER = "xl/vbaProject.bin"


def xlwings_folder() -> Path:
    """The installed xlwings package's folder (without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise UnionxlError("没有安装 xlwings：请先运行 pip install xlwings，再生成 unionxl.xlsm")
    return Path(next(iter(spec.submodule_search_locations)))


def template_path() -> Path:
    """xlwings' standalone quickstart workbook (VBA project with xlwings.bas embedded)."""
    folder = xlwings_folder()
    for name in TEMPLATE_NAMES:
        path = folder / name
        if path.is_file():
            return path
    raise UnionxlError(
        f"已安装的 xlwings（{folder}）中找不到模板 {TEMPLATE_NAMES[0]}：请重新安装 xlwings"
    )


def vba_project() -> bytes:
    """The bytes of `vbaProject.bin` from the installed xlwings' standalone template."""
    path = template_path()
    try:
        with zipfile.ZipFile(path) as book:
            data = book.read(VBA_MEMBER)
    except (OSError, KeyError, zipfile.BadZipFile) as e:
        raise UnionxlError(f"无法从 {path} 中取出 VBA 工程：请重新安装 xlwings") from e
    if not data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file, as Excel writes it
        raise UnionxlError(f"{path} 中的 VBA 工程格式不对：请重新安装 xlwings")
    return data
