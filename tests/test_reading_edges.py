"""Issue 10 (inputs that must end in findings or one clear line) and issue 9 item 4
(Excel 2003 XML, .xlsb): workbooks no office means to write, built here part by part,
read in bounded memory and time — never an abort (SIGABRT), a traceback or English."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from conftest import CLEAN, clean_tables, write_office
from python_calamine import CalamineWorkbook
from xlsx_parts import inline_row, sheet_xml, write_xlsx

import unionxl
from unionxl.loading.folder import load_folder
from unionxl.model.errors import UnionxlError
from unionxl.reading import xlsx_stream, zipguard
from unionxl.reading.extent import survey
from unionxl.reading.folder_reader import workbook_paths
from unionxl.reading.package import read_package
from unionxl.reading.workbook import read_workbook

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
MEMORY = 3 << 30  # what a check of these small folders may take, at most
HEADER = {"A": "工号", "B": "姓名", "C": "部门"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check_cli(folder: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    """`unionxl check` in its own process, with bounded memory and time."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "unionxl", "check", *args, str(folder)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
        preexec_fn=bounded,
    )
    done.seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    assert done.returncode in (0, 1, 2), (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr, done.stderr[-2000:]
    return done


def rules(done: subprocess.CompletedProcess) -> list[tuple[str | None, str | None, str]]:
    return [(f["sheet"], f["cell"], f["rule"]) for f in json.loads(done.stdout)["findings"]]


# --- a stray cell far away ------------------------------------------------------------


def test_a_value_at_xfd1048576_is_read_cell_by_cell(tmp_path):
    """Calamine would build a 17-billion-cell rectangle and abort the process."""
    folder = write_office(tmp_path / "o", clean_tables())
    book = openpyxl.load_workbook(folder / "会员名册.xlsx")
    book["会员"]["XFD1048576"] = "x"
    book.save(folder / "会员名册.xlsx")
    done = check_cli(folder, "--json")
    assert done.returncode == 1
    assert done.seconds < 30  # type: ignore[attr-defined]
    found = rules(done)
    assert ("会员", None, "sheet.far_cells") in found
    # The far row is a row of the table (its 工号 … are empty), where Excel has it.
    assert ("会员", "A1048576", "value.required") in found
    members = unionxl.load(folder).table("会员")
    assert [r["姓名"] for r in members.rows][:2] == [row[1] for row in CLEAN["会员"][1][1:]]


HOSTILE = {
    "a row of its own": '<row r="4000000000"><c r="A4000000000" t="inlineStr"><is><t>x</t></is></c></row>',
    "inside row 3": '<row r="3"><c r="A4000000000" t="inlineStr"><is><t>x</t></is></c></row>',
    "a prefixed cell": '<row r="3"><y:c xmlns:y="urn:y" r="A4000000000" t="inlineStr"><y:is><y:t>x</y:t></y:is></y:c></row>',
    "a column past XFD": '<row r="3"><c r="ZZZ3"><v>1</v></c></row>',
    "rows without r": '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 3
    + '<row r="3000000"><c t="inlineStr"><is><t>x</t></is></c></row>',
}


@pytest.mark.parametrize("where", HOSTILE)
def test_cells_beyond_excel_are_a_finding_never_an_abort(tmp_path, where):
    rows = inline_row(1, HEADER) + inline_row(2, {"A": "0101", "B": "张三", "C": "机关"})
    folder = tmp_path / "o"
    folder.mkdir()
    write_xlsx(folder / "会员名册.xlsx", {"会员": sheet_xml(rows + HOSTILE[where])})
    done = check_cli(folder, "--json")
    assert ("会员", None, "sheet.out_of_range") in rules(done)
    message = next(
        f["message"]
        for f in json.loads(done.stdout)["findings"]
        if f["rule"] == "sheet.out_of_range"
    )
    assert "超出了 Excel 的范围" in message and "1 个单元格" in message


def test_a_far_but_sparse_sheet_costs_little_memory(tmp_path):
    """A thousand values scattered down to row 1,000,000 and column XFD: the rows hold
    only up to their last cell, so the read fits in bounded memory and time."""
    cells = "".join(
        f'<row r="{r}"><c r="{col}{r}"><v>{r}</v></c></row>'
        for r, col in zip(range(1000, 1_000_001, 1000), ["A", "B", "XFD", "C"] * 250)
    )
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": sheet_xml(inline_row(1, HEADER) + cells)})
    sheet = read_workbook(path).sheets[0]
    assert sheet.rows[999_999][2] == 1_000_000.0  # C1000000 holds 1000000
    assert sheet.rows[2999][16383] == 3000.0  # XFD3000
    assert sum(map(len, sheet.rows)) < 300 * 16_384 + 10_000


def test_a_sheet_too_scattered_to_hold_is_one_line(tmp_path):
    """Thousands of rows each with a value at XFD: even row by row, more cells than any
    ledger (cells.MAX_CELLS): refused with one line, before memory runs out."""
    rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(1, 3000))
    path = write_xlsx(tmp_path / "散.xlsx", {"会员": sheet_xml(rows)})
    with pytest.raises(UnionxlError, match=r"^散\.xlsx：工作表“会员”的单元格分布太散.*Ctrl\+End"):
        read_workbook(path)


def test_the_stream_reader_gives_what_calamine_gives(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "会员"
    ws.append(["文本", 1, 2.5, True, dt.date(2023, 3, 1), dt.datetime(2023, 3, 1, 12, 30)])
    ws.append([dt.time(8, 30), 0.25, 1e20, -3, "带\n换行", "=1+1"])
    ws["H1"] = 45000
    ws["H1"].number_format = "yyyy年m月d日"
    ws["H2"] = 12
    ws["H2"].number_format = '"yy"0'
    ws["A4"] = "空行之后"
    ws["C2"].number_format = "0%"
    book.save(tmp_path / "a.xlsx")
    calamine = CalamineWorkbook.from_path(str(tmp_path / "a.xlsx")).get_sheet_by_index(0)
    expected = calamine.to_python(skip_empty_area=False)
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        package = read_package(archive)
        context = xlsx_stream.Context(archive, package, "a.xlsx")
        sheet = xlsx_stream.read_sheet(context, "会员", package.sheets[0].path, False)
    width = len(expected[0])
    got = [row + [""] * (width - len(row)) for row in sheet.rows]
    assert got == expected
    assert sheet.bad_cells == {(1, 5): None}  # the formula openpyxl saved without a value


# --- zip bombs ------------------------------------------------------------------------


def test_a_shared_strings_bomb_is_one_line_and_the_other_workbooks_are_read(tmp_path):
    folder = write_office(tmp_path / "o", clean_tables())
    size = zipguard.RATIO_FROM_BYTES + (1 << 20)  # just past the limit, ~1000× smaller
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += b"<si><t>" + b" " * (size - len(strings) - 20) + b"</t></si></sst>"
    write_xlsx(
        folder / "炸弹.xlsx",
        {"Sheet1": sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')},
        parts={"xl/sharedStrings.xml": strings},
    )
    assert (folder / "炸弹.xlsx").stat().st_size < 1 << 20
    done = check_cli(folder)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "解压后" in lines[0] and "xl/sharedStrings.xml" in lines[0]
    assert "炸弹" not in done.stdout  # said once, on stderr
    assert f"校验 {folder}：6 个工作簿" in done.stdout  # the office's six, all read


def patch_sizes(path: Path, member: str, size: int) -> None:
    """Make the zip declare `size` bytes for `member` (local header and directory)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x03\x04")
    while at >= 0:
        if data[at + 30 : at + 30 + len(name)] == name:
            data[at + 22 : at + 26] = size.to_bytes(4, "little")
        at = data.find(b"PK\x03\x04", at + 4)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        if data[at + 46 : at + 46 + len(name)] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_member_declaring_gigabytes_is_refused_before_inflating(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": sheet_xml(inline_row(1, HEADER))})
    patch_sizes(path, "xl/worksheets/sheet1.xml", zipguard.MAX_PART_BYTES + 1)
    with pytest.raises(UnionxlError, match=r"a\.xlsx：文件异常，其中的 xl/worksheets/sheet1\.xml"):
        read_workbook(path)


def test_a_member_larger_than_it_declares_is_inflated_no_further(tmp_path):
    rows = "".join(inline_row(r, HEADER) for r in range(1, 2000))
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": sheet_xml(rows)})
    patch_sizes(path, "xl/worksheets/sheet1.xml", 1000)
    with zipfile.ZipFile(path) as archive:
        assert zipguard.inflate_part(archive, "xl/worksheets/sheet1.xml") is None
    with pytest.raises(UnionxlError) as caught:
        read_workbook(path)
    assert str(caught.value).startswith("a.xlsx：文件已损坏或不完整")


# --- unreadable files: one Chinese line, said once ---------------------------------------


def zip_cut(folder: Path) -> str:
    data = (Path(__file__).parents[1] / "workbooks" / "获奖.xlsx").read_bytes()
    (folder / "坏.xlsx").write_bytes(data[: len(data) // 2])
    return "坏.xlsx：文件已损坏或不完整，可能没有下载或复制完整"


def html_as_xls(folder: Path) -> str:
    (folder / "导出.xls").write_text("<html><body><table><tr><td>工号</td></tr></table>")
    return "导出.xls：其实是网页（HTML）文件，只是扩展名为 .xls"


def csv_as_xlsx(folder: Path) -> str:
    (folder / "名单.xlsx").write_text("工号,姓名\n0101,张三\n", encoding="utf-8")
    return "名单.xlsx：其实是文本文件（如 CSV），不是 Excel 工作簿"


def empty_file(folder: Path) -> str:
    (folder / "空.xlsx").write_bytes(b"")
    return "空.xlsx：是空文件（0 字节）"


def excel_4(folder: Path) -> str:
    (folder / "旧.xls").write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00" + bytes(64))
    return "旧.xls：是 Excel 2.x–4.0 的旧格式"


def ole_garbage(folder: Path) -> str:
    (folder / "乱.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    return "乱.xls：是 .xls 工作簿，但其中的内容无法识别"


@pytest.mark.parametrize(
    "make", [zip_cut, html_as_xls, csv_as_xlsx, empty_file, excel_4, ole_garbage]
)
def test_what_cannot_be_read_is_one_chinese_line_said_once(tmp_path, make):
    folder = write_office(tmp_path / "o", clean_tables())
    said = make(folder)
    done = check_cli(folder)
    assert done.returncode == 2
    assert said.split("：")[0] not in done.stdout  # said once, on stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0].removeprefix("unionxl：")
    assert line.startswith(said)
    assert "Excel" in line and "另存为 .xlsx" in line or "删除" in line
    # Library words, if any, come once, after the Chinese, never cut inside a word.
    if "（" in line.split("。")[-1]:
        detail = line.rsplit("（", 1)[1]
        assert detail.endswith("）") and line.count(detail) == 1
        assert re.search(r"\w…", detail) is None
    json_done = check_cli(folder, "--json")
    assert json_done.stderr.count(said) == 1 and json_done.stderr.count("\n") == 1


def test_a_workbook_without_read_permission_says_so(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="unionxl-perm-"))
    try:
        folder.chmod(0o755)
        shutil.copy(Path(__file__).parents[1] / "workbooks" / "获奖.xlsx", folder / "获奖.xlsx")
        (folder / "获奖.xlsx").chmod(0o000)
        command = [sys.executable, "-m", "unionxl", "check", str(folder)]
        if os.geteuid() == 0:  # root reads anything: run as nobody
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv: chmod cannot take read permission")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            probe = subprocess.run(
                [*command[:4], sys.executable, "-c", "import unionxl"], capture_output=True
            )
            if probe.returncode != 0:  # the checkout lies in a folder nobody may enter
                pytest.skip("user nobody cannot import unionxl from this checkout")
        done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=60)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("unionxl：获奖.xlsx：没有读取权限，无法打开。")
        assert "Permission denied" not in done.stdout + done.stderr
    finally:
        shutil.rmtree(folder)


# --- old macro sheets, Excel 2003 XML, .xlsb ---------------------------------------------


def test_a_workbook_with_an_old_macro_sheet_is_read_without_it(tmp_path):
    folder = write_office(tmp_path / "o", clean_tables())
    (folder / "会员名册.xlsx").unlink()
    body = "".join(
        inline_row(r, {chr(65 + c): escape(str(v)) for c, v in enumerate(row) if v is not None})
        for r, row in enumerate(CLEAN["会员"][1], start=1)
    )
    write_xlsx(
        folder / "会员名册.xlsm",
        {"会员": sheet_xml(body), "Macro1": sheet_xml(inline_row(1, {"A": "=HALT()"}))},
        kinds={"Macro1": "macrosheet"},
    )
    with pytest.raises(Exception, match="Unrecognized sheet"):
        CalamineWorkbook.from_path(str(folder / "会员名册.xlsm"))  # what calamine does
    report = unionxl.check(folder)
    assert report.exit_code != 2
    skipped = [f for f in report.findings if f.rule == "sheet.skipped"]
    assert [(f.file, f.severity) for f in skipped] == [("会员名册.xlsm", "warning")]
    assert "“Macro1”" in skipped[0].message
    assert {
        "file": "会员名册.xlsm",
        "sheet": "会员",
        "table": "会员",
        "how": "name",
    } in report.sheets
    names = [r["姓名"] for r in unionxl.load(folder).table("会员").rows]
    assert names == [row[1] for row in CLEAN["会员"][1][1:]]


def spreadsheet_2003(sheets: dict[str, list[list[object]]]) -> str:
    """An Excel 2003 XML workbook as web systems write it: a merged title row, the
    header on row 3 (ss:Index), empty cells skipped with ss:Index, dates as DateTime."""
    out = [
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">'
    ]
    for name, rows in sheets.items():
        out.append(f'<Worksheet ss:Name="{name}"><Table>')
        out.append(
            '<Row><Cell ss:MergeAcross="3"><Data ss:Type="String">导出数据</Data></Cell></Row>'
        )
        for r, row in enumerate(rows):
            cells, skipped = [], False
            for c, value in enumerate(row):
                if value is None:
                    skipped = True
                    continue
                index = f' ss:Index="{c + 1}"' if skipped else ""
                skipped = False
                if isinstance(value, dt.date):
                    data = f'<Data ss:Type="DateTime">{value.isoformat()}T00:00:00.000</Data>'
                elif isinstance(value, int | float):
                    data = f'<Data ss:Type="Number">{value}</Data>'
                else:
                    data = f'<Data ss:Type="String">{escape(str(value))}</Data>'
                cells.append(f"<Cell{index}>{data}</Cell>")
            index = ' ss:Index="3"' if r == 0 else ""
            out.append(f"<Row{index}>{''.join(cells)}</Row>")
        out.append("</Table></Worksheet>")
    out.append("</Workbook>")
    return "".join(out)


def test_excel_2003_xml_saved_as_xls_is_read_like_the_same_xlsx(tmp_path):
    tables = clean_tables()
    tables["会员"][1][2][1] = None  # a defect to be found both ways: 姓名 missing
    as_xlsx = write_office(tmp_path / "xlsx", tables)
    as_xml = write_office(tmp_path / "xml", tables)
    (as_xml / "会员名册.xlsx").unlink()
    sheets = {name: rows for name, (file, rows) in tables.items() if file == "会员名册.xlsx"}
    (as_xml / "会员名册.xls").write_text(spreadsheet_2003(sheets), encoding="utf-8")

    def found(folder: Path) -> list[tuple]:
        return sorted((f.sheet, f.rule, f.field, f.row) for f in unionxl.check(folder).findings)

    xlsx_found = [(s, r, f, row) for s, r, f, row in found(as_xlsx)]
    # The XML sheets begin with a title row and a blank row: every row is 2 further down.
    moved = [
        (s, r, f, row + 2 if s in sheets and row is not None else row)
        for s, r, f, row in xlsx_found
    ]
    assert found(as_xml) == sorted(moved)
    assert ("会员", "value.required", "姓名", 5) in found(as_xml)
    members = unionxl.load(as_xml).table("会员")
    assert members.rows[0]["入会日期"] == dt.date(2010, 9, 1)
    assert members.rows[0]["工号"] == "0101"


def test_excel_2003_xml_declaring_entities_is_refused(tmp_path):
    """A billion laughs: nine entities of ten each, a gigabyte of "lol" once expanded."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE Workbook [{entities}]>'
        '<?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
        "<Row><Cell><Data>&lol9;</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    (tmp_path / "a.xls").write_text(bomb)
    with pytest.raises(UnionxlError, match=r"a\.xls：文件中有文档类型声明（DTD）"):
        read_workbook(tmp_path / "a.xls")


def test_xlsb_workbooks_are_in_the_folder(tmp_path):
    for name in ("a.xlsb", "b.XLSB", "c.xlsx", "d.txt"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in workbook_paths(tmp_path)] == ["a.xlsb", "b.XLSB", "c.xlsx"]


# --- the scanner thread ---------------------------------------------------------------


def test_no_thread_outlives_a_read(tmp_path):
    """--each forks worker processes: none may inherit a running reader thread."""
    folder = write_office(tmp_path / "o", clean_tables())
    before = threading.active_count()
    load_folder(folder)
    read_workbook(folder / "会员名册.xlsx")
    assert threading.active_count() == before


@pytest.mark.parametrize(
    ("body", "formulas"),
    [
        ('<c r="A1" t="s"><v>0</v></c>', False),
        ('<c r="A1"><f>1+1</f><v>2</v></c>', True),
        ('<c r="A1"><x:f>1+1</x:f></c>', True),  # a prefixed formula
        ('<c r="A1" t="e"><v>#DIV/0!</v></c>', True),
        ('<c r="A1" t="inlineStr"><is><t>' + "off " * 2000 + "</t></is></c>", False),
        # past the thousandth 'f' the plain search takes over, and still finds it
        (
            '<c r="A1" t="inlineStr"><is><t>' + "f " * 1500 + '</t></is></c><c r="B1"><f>1</f></c>',
            True,
        ),
    ],
)
def test_the_survey_finds_formulas_and_errors(body, formulas):
    xml = f'<worksheet><sheetData><row r="1">{body}</row></sheetData></worksheet>'.encode()
    found = survey(xml)
    assert found.formulas is formulas and found.short
