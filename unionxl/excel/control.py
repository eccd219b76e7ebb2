"""Build the control workbook `unionxl.xlsm` with XlsxWriter (no Excel needed).

It holds:

- the control sheet `开始`: what to do (dropdown 校验/汇总/生成报告/全部), the office
  folder (blank: the workbook's own folder), the year (blank: 设置's 年度), the status of
  the last run, a short how-to, and a big form button bound to `SampleCall`;
- the VBA project of the installed xlwings (see `vba`): `SampleCall` runs
  `import unionxl; unionxl.main()` because the file is called `unionxl.xlsm`;
- the `xlwings.conf` sheet: `Interpreter_Win` = the Python that ran `unionxl excel`, so
  the button starts the Python where unionxl is installed.

The results sheets (校验结果, 汇总) are not created here: Excel adds them on the first
click. The VBA project knows exactly two sheet modules (Sheet1, Sheet2), so the file
has exactly two sheets, with those code names.
"""

from __future__ import annotations

import io
import site
import sys
from collections.abc import Sequence
from pathlib import Path

from unionxl.excel import layout as L
from unionxl.excel.vba import vba_project
from unionxl.model.errors import UnionxlError
from unionxl.outputs.atomic import write_atomically

TITLE = "工会台账 · unionxl"
SUBTITLE = "检查台账、计算合计、生成报告。改完台账并保存后，在下面选好，再点按钮。"
BUTTON_CAPTION = "运行 unionxl"
BUTTON_SIZE = (280, 46)  # pixels: as wide as the input cells

ACTION_HELP = "校验：检查台账｜汇总：计算合计｜生成报告：写 Word 报告｜全部：以上三项"

# (cell, label, initial value) of the three inputs; each has a hint in column D.
INPUTS = (
    (L.ACTION_CELL, "要做什么", L.DEFAULT_ACTION),
    (L.FOLDER_CELL, "台账文件夹", None),
    (L.YEAR_CELL, "年度", None),
)
HINTS = {
    L.ACTION_CELL: "点击单元格右侧的小箭头选择",
    L.FOLDER_CELL: "留空＝本文件所在的文件夹；也可填写，如 D:\\工会\\2023台账",
    L.YEAR_CELL: "留空＝台账“设置”表中的年度",
}

NOTES = (
    "说明",
    "1. 校验：检查台账，结果在“校验结果”表；点“单元格”列的链接，会打开台账工作簿并定位到有问题的单元格。",
    "2. 汇总：计算预算执行、捐款、慰问、提案、获奖的合计，结果在“汇总”表。",
    f"3. 生成报告：在台账文件夹下的“{L.REPORTS_FOLDER}”文件夹中生成 Word 报告；台账有错误时不生成，请先改正。",
    "4. 全部：依次校验、汇总、生成报告。",
    "5. unionxl 读取的是台账工作簿最后一次保存的内容：修改台账后请先保存，再点按钮。",
    "6. 每次运行都会重新生成“校验结果”和“汇总”两张表；本表的其他内容不会改变。",
    f"7. 本文件必须叫 {L.WORKBOOK_NAME}（按钮根据文件名找到 unionxl），请不要改名。",
    "8. 如果 Excel 提示“已阻止宏”：关闭本文件，在资源管理器中右键 → 属性 → 勾选“解除锁定”→ 确定，再打开。",
)


def config_rows(interpreter: str) -> list[tuple[str, str]]:
    """The `xlwings.conf` sheet: (key, value) from A1 down, read by xlwings' VBA.

    - Interpreter_Win: the Python to start (a python.exe; unionxl must be installed in it).
    - ADD_WORKBOOK_TO_PYTHONPATH false: `import unionxl` must find the installed package,
      never a stray unionxl.py that happens to sit in the office folder.
    - PYTHONPATH: only when unionxl is not installed in site-packages (run from a source
      checkout): the folder that holds the `unionxl` package.
    Values are plain text ("false", not a boolean cell), so no locale turns them into
    "FALSCH" or "假" when VBA reads them.
    """
    rows = [("Interpreter_Win", interpreter), ("ADD_WORKBOOK_TO_PYTHONPATH", "false")]
    source = package_root()
    if source is not None:
        rows.append(("PYTHONPATH", source))
    return rows


def package_root() -> str | None:
    """The folder holding the running `unionxl` package, unless it is a site-packages."""
    root = Path(__file__).resolve().parents[2]
    sites = {Path(p).resolve() for p in [*site.getsitepackages(), site.getusersitepackages()]}
    return None if root in sites else str(root)


def build(folder: str | Path, *, force: bool = False, interpreter: str | None = None) -> Path:
    """Write `unionxl.xlsm` into the office folder `folder`; return its path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UnionxlError(f"找不到文件夹：{folder}")
    target = folder / L.WORKBOOK_NAME
    if target.exists() and not force:
        raise UnionxlError(
            f"{target} 已经存在；如要重新生成，请加 --force（其中的“校验结果”和“汇总”会被清掉）"
        )
    project = vba_project()
    python = interpreter or sys.executable
    return write_atomically(target, lambda temp: write_workbook(temp, project, python))


def write_workbook(path: Path, project: bytes, interpreter: str) -> None:
    import xlsxwriter
    import xlsxwriter.exceptions

    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"title": "unionxl 控制台", "author": "unionxl"})
    book.add_vba_project(io.BytesIO(project), is_stream=True)
    book.set_vba_name("ThisWorkbook")
    control = book.add_worksheet(L.CONTROL_SHEET)
    control.set_vba_name("Sheet1")
    config = book.add_worksheet(L.CONFIG_SHEET)
    config.set_vba_name("Sheet2")
    write_control_sheet(book, control, interpreter)
    write_config_sheet(book, config, config_rows(interpreter))
    control.activate()
    try:
        book.close()
    except (OSError, xlsxwriter.exceptions.XlsxWriterException) as e:
        raise UnionxlError(f"无法写入 {L.WORKBOOK_NAME}：{e}") from e


def write_control_sheet(book, sheet, interpreter: str) -> None:
    f = book.add_format
    title = f({"bold": True, "font_size": 20, "font_color": "#1F4E79"})
    subtitle = f({"font_color": "#595959"})
    label = f({"bold": True, "font_size": 12, "align": "right", "valign": "vcenter", "indent": 1})
    entry = f(
        {
            "font_size": 12,
            "bg_color": "#FFF2CC",
            "border": 1,
            "border_color": "#BF9000",
            "valign": "vcenter",
            "num_format": "@",
        }
    )
    hint = f({"font_color": "#7F7F7F", "font_size": 9, "valign": "vcenter"})
    status = f({"num_format": "@", "font_color": "#375623", "text_wrap": True, "valign": "vcenter"})
    heading = f({"bold": True, "font_size": 12, "bottom": 1, "bottom_color": "#1F4E79"})
    note = f({"text_wrap": True, "valign": "top"})
    small = f({"font_color": "#7F7F7F", "font_size": 9})

    sheet.hide_gridlines(2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 1)
    sheet.set_column("A:A", 2)
    sheet.set_column("B:B", 13)
    sheet.set_column("C:C", 40)
    sheet.set_column("D:D", 52)
    sheet.write("B1", TITLE, title)
    sheet.set_row(0, 34)
    sheet.write("B2", SUBTITLE, subtitle)

    for cell, name, value in INPUTS:
        row = int(cell[1:]) - 1
        sheet.set_row(row, 26)
        sheet.write(row, 1, name, label)
        if value is None:
            sheet.write_blank(cell, None, entry)
        else:
            sheet.write_string(cell, value, entry)
        sheet.write(row, 3, HINTS[cell], hint)
    sheet.data_validation(
        L.ACTION_CELL,
        {
            "validate": "list",
            "source": list(L.ACTIONS),
            "input_title": "要做什么",
            "input_message": ACTION_HELP,
            "error_title": "请从列表中选择",
            "error_message": "只能选择：" + "、".join(L.ACTIONS),
        },
    )
    sheet.data_validation(
        L.YEAR_CELL,
        {
            "validate": "integer",
            "criteria": "between",
            "minimum": 2000,
            "maximum": 2100,
            "ignore_blank": True,
            "input_title": "年度",
            "input_message": "四位数字，如 2023；留空＝台账“设置”表中的年度",
            "error_title": "年度不对",
            "error_message": "请填写四位数字的年度，如 2023，或留空",
        },
    )
    status_row = int(L.STATUS_CELL[1:]) - 1
    sheet.write(status_row, 1, "上次运行", label)
    sheet.merge_range(status_row, 2, status_row, 3, "（还没有运行过）", status)
    sheet.set_row(status_row, 34)

    button_row = int(L.BUTTON_CELL[1:]) - 1
    sheet.set_row(button_row, 40)
    sheet.insert_button(
        L.BUTTON_CELL,
        {
            "macro": L.MACRO,
            "caption": BUTTON_CAPTION,
            "width": BUTTON_SIZE[0],
            "height": BUTTON_SIZE[1],
            "y_offset": 4,
            "description": "运行 unionxl（xlwings RunPython）",
        },
    )
    sheet.write(
        button_row, 3, "点击左边的按钮开始；运行时 Excel 会暂停响应几秒到几十秒，请稍候", hint
    )

    first = status_row + 2
    sheet.merge_range(first, 1, first, 3, NOTES[0], heading)
    for i, text in enumerate(NOTES[1:], start=first + 1):
        sheet.merge_range(i, 1, i, 3, text, note)
        sheet.set_row(i, 30 if len(text) > 64 else 18)
    last = first + len(NOTES) + 1
    sheet.merge_range(last, 1, last, 3, f"Python：{interpreter}（见“{L.CONFIG_SHEET}”表）", small)


def write_config_sheet(book, sheet, rows: Sequence[tuple[str, str]]) -> None:
    text = book.add_format({"num_format": "@"})
    note = book.add_format({"font_color": "#7F7F7F", "text_wrap": True, "valign": "top"})
    sheet.set_column("A:A", 30, text)
    sheet.set_column("B:B", 60, text)
    sheet.set_column("D:D", 60)
    for r, (key, value) in enumerate(rows):
        sheet.write_string(r, 0, key)
        sheet.write_string(r, 1, value)
    sheet.write(
        0,
        3,
        "xlwings 的按钮从这里读取设置：A 列从 A1 起连续写设置名，B 列写值，不要在 A、B 列加其他内容。"
        "Interpreter_Win 是装有 unionxl 的 Python；换了电脑或重装 Python 后，"
        "请运行 unionxl excel 文件夹 --force 重新生成本文件。",
        note,
    )
    sheet.set_row(0, 75)
