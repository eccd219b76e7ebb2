"""The Excel button without Excel: a stand-in for the few xlwings calls `writer` and
`button` make, and a check that each of those calls exists in the real xlwings (its
public classes, their signatures, and the Windows engine that runs them)."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils.cell import range_boundaries

from tests.conftest import clean_tables, rows_of
from unionxl.excel import button, writer
from unionxl.excel import layout as L
from unionxl.excel.results import SheetPlan

# --- the stand-in: ONLY what writer.py and button.py use ----------------------------------


class FakeFont:
    def __init__(self, sheet: FakeSheet, address: str) -> None:
        self._sheet, self._address = sheet, address

    @property
    def bold(self) -> bool:
        return self._address in self._sheet.bold_cells

    @bold.setter
    def bold(self, value: bool) -> None:
        self._sheet.log.append(("bold", self._address, value))
        self._sheet.bold_cells.add(self._address)

    @property
    def color(self) -> str | None:
        return self._sheet.colors.get(self._address)

    @color.setter
    def color(self, value: str) -> None:
        self._sheet.log.append(("color", self._address, value))
        self._sheet.colors[self._address] = value


class FakeRange:
    def __init__(self, sheet: FakeSheet, address: str) -> None:
        self._sheet, self._address = sheet, address
        min_col, min_row, _, _ = range_boundaries(address)
        self._top_left = (min_row or 1, min_col or 1)

    def _put(self, data: Any) -> None:
        rows = data if isinstance(data, list) else [[data]]
        r0, c0 = self._top_left
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self._sheet.cells[(r0 + r, c0 + c)] = value

    @property
    def value(self) -> Any:
        return self._sheet.cells.get(self._top_left)

    @value.setter
    def value(self, data: Any) -> None:
        self._sheet.log.append(("value", self._address, data))
        self._put(data)

    @property
    def formula(self) -> Any:
        return self._sheet.cells.get(self._top_left)

    @formula.setter
    def formula(self, data: Any) -> None:
        self._sheet.log.append(("formula", self._address, data))
        self._put(data)

    @property
    def number_format(self) -> str:
        return self._sheet.formats.get(self._address, "General")

    @number_format.setter
    def number_format(self, value: str) -> None:
        self._sheet.log.append(("number_format", self._address, value))
        self._sheet.formats[self._address] = value

    @property
    def column_width(self) -> float | None:
        return self._sheet.widths.get(self._address)

    @column_width.setter
    def column_width(self, value: float) -> None:
        self._sheet.widths[self._address] = value

    @property
    def font(self) -> FakeFont:
        return FakeFont(self._sheet, self._address)


class FakeTables:
    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet

    def add(self, source: FakeRange, name: str | None = None, table_style_name: str = "") -> None:
        self._sheet.tables_added.append((source._address, name, table_style_name))


class FakeSheet:
    def __init__(self, book: FakeBook, name: str) -> None:
        self._book = book
        self.name = name
        self.cells: dict[tuple[int, int], Any] = {}
        self.formats: dict[str, str] = {}
        self.bold_cells: set[str] = set()
        self.colors: dict[str, str] = {}
        self.widths: dict[str, float] = {}
        self.tables_added: list[tuple] = []
        self.log: list[tuple] = []

    @property
    def tables(self) -> FakeTables:
        return FakeTables(self)

    def range(self, cell1: str) -> FakeRange:
        return FakeRange(self, cell1)

    def delete(self) -> None:
        self._book.order.remove(self)

    def activate(self) -> None:
        self._book.active = self.name

    def rows(self) -> list[list[Any]]:
        """Test helper (not xlwings): the written cells as rows."""
        if not self.cells:
            return []
        height = max(r for r, _ in self.cells)
        width = max(c for _, c in self.cells)
        return [[self.cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


class FakeSheets:
    def __init__(self, book: FakeBook) -> None:
        self._book = book

    def __iter__(self):
        return iter(list(self._book.order))

    def __getitem__(self, name: str) -> FakeSheet:
        for sheet in self._book.order:
            if sheet.name == name:
                return sheet
        raise KeyError(name)  # xlwings raises a COM error: callers must not rely on it

    def add(self, name: str | None = None, after: FakeSheet | None = None) -> FakeSheet:
        assert name not in [s.name for s in self._book.order]
        sheet = FakeSheet(self._book, name or f"Sheet{len(self._book.order) + 1}")
        index = self._book.order.index(after) + 1 if after else 0
        self._book.order.insert(index, sheet)
        self._book.active = sheet.name
        return sheet


class FakeApp:
    def __init__(self) -> None:
        self.screen_updating = True
        self.alerts: list[tuple[str, str | None, str | None]] = []

    def alert(self, prompt: str, title: str | None = None, mode: str | None = None) -> str:
        self.alerts.append((prompt, title, mode))
        return "ok"


class FakeBook:
    def __init__(self, fullname: str, action: Any = "全部", folder: Any = None, year: Any = None):
        self.fullname = fullname
        self.app = FakeApp()
        self.order: list[FakeSheet] = []
        self.active: str | None = None
        control = FakeSheet(self, L.CONTROL_SHEET)
        config = FakeSheet(self, L.CONFIG_SHEET)
        self.order += [control, config]
        for cell, value in ((L.ACTION_CELL, action), (L.FOLDER_CELL, folder), (L.YEAR_CELL, year)):
            control.range(cell).value = value

    @property
    def sheets(self) -> FakeSheets:
        return FakeSheets(self)

    def names(self) -> list[str]:
        """Test helper (not xlwings)."""
        return [s.name for s in self.order]


# --- the stand-in matches real xlwings ---------------------------------------------------

# What the tests use to look inside the stand-in: not xlwings calls.
INSPECTION = {
    "rows",
    "names",
    "cells",
    "formats",
    "bold_cells",
    "colors",
    "widths",
    "tables_added",
    "log",
    "order",
    "active",
    "alerts",
}


def public_members(cls: type, sample: Any) -> set[str]:
    """The xlwings members the stand-in offers (its class's and its instance's)."""
    names = {n for n in vars(cls) if not n.startswith("_") or n in ("__iter__", "__getitem__")}
    names |= {n for n in vars(sample) if not n.startswith("_")}
    return names - INSPECTION


def samples(tmp_path: Path) -> dict[str, tuple[type, Any]]:
    import xlwings as xw
    import xlwings.main as xm

    book = FakeBook(str(tmp_path / "unionxl.xlsm"))
    sheet = book.sheets[L.CONTROL_SHEET]
    rng = sheet.range("A1")
    return {
        "Book": (xw.Book, book),
        "Sheet": (xw.Sheet, sheet),
        "Range": (xw.Range, rng),
        "App": (xw.App, book.app),
        "Sheets": (xm.Sheets, book.sheets),
        "Font": (xm.Font, rng.font),
        "Tables": (xm.Tables, sheet.tables),
    }


def test_every_stand_in_member_exists_on_xlwings(tmp_path):
    for _, (real, sample) in samples(tmp_path).items():
        for name in public_members(type(sample), sample):
            assert hasattr(real, name), f"xlwings {real.__name__} has no {name!r}"


def test_stand_in_methods_take_arguments_xlwings_accepts(tmp_path):
    for _, (real, sample) in samples(tmp_path).items():
        for name, member in vars(type(sample)).items():
            if name.startswith("_") or not inspect.isfunction(member) or name in INSPECTION:
                continue
            real_params = inspect.signature(getattr(real, name)).parameters
            for param in list(inspect.signature(member).parameters)[1:]:
                assert param in real_params, f"xlwings {real.__name__}.{name} has no {param!r}"


# Windows engine (xlwings/_xlwindows.py, which cannot be imported without pywin32): the
# public call on the left is carried out by the engine member on the right.
ENGINE_NAME = {("Range", "value"): "raw_value", ("Sheets", "__getitem__"): "__call__"}


def windows_engine_members() -> dict[str, set[str]]:
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    source = Path(next(iter(spec.submodule_search_locations))) / "_xlwindows.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    members: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members.setdefault(node.name, set()).update(
                n.name for n in node.body if isinstance(n, ast.FunctionDef)
            )
    return members


def test_every_stand_in_member_is_implemented_by_the_windows_engine(tmp_path):
    engine = windows_engine_members()
    for cls_name, (_, sample) in samples(tmp_path).items():
        for name in public_members(type(sample), sample):
            wanted = ENGINE_NAME.get((cls_name, name), name)
            assert wanted in engine[cls_name], f"Windows engine {cls_name} lacks {wanted!r}"


def test_writer_avoids_calls_the_windows_engine_lacks():
    engine = windows_engine_members()
    assert "__contains__" not in engine["Sheets"]  # hence sheet_names(), never `in book.sheets`
    assert "freeze_panes" not in engine["Sheet"]  # hence no frozen header on results sheets
    for module in (writer, button):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not attributes & {"freeze_panes", "api"}, module.__name__
        membership_tests = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Compare)
            and any(isinstance(op, ast.In | ast.NotIn) for op in n.ops)
            and any(isinstance(c, ast.Attribute) and c.attr == "sheets" for c in n.comparators)
        ]
        assert membership_tests == [], module.__name__


# --- writer ------------------------------------------------------------------------------


def test_replace_sheet_writes_text_formats_before_values_and_links_after(tmp_path):
    book = FakeBook(str(tmp_path / "unionxl.xlsm"))
    plan = SheetPlan(
        name="校验结果",
        values=[["级别", "单元格"], ["错误", None]],
        text_ranges=("A:A",),
        formulas=(("B2:B2", [['=HYPERLINK("[x.xlsx]\'会员\'!E17","E17")']]),),
        number_formats=(("C2:C2", "#,##0.00"),),
        bold=("A1:B1",),
        font_colors=(("A2:A2", "#C00000"),),
        widths=(("A:A", 7),),
        table="A1:B2",
        table_name="unionxl_findings",
    )
    sheet = writer.replace_sheet(book, plan, after=L.CONTROL_SHEET)
    kinds = [entry[0] for entry in sheet.log]
    assert kinds == ["number_format", "value", "formula", "number_format", "bold", "color"]
    assert sheet.rows() == [
        ["级别", "单元格"],
        ["错误", '=HYPERLINK("[x.xlsx]\'会员\'!E17","E17")'],
    ]
    assert sheet.tables_added == [("A1:B2", "unionxl_findings", "TableStyleMedium2")]
    assert sheet.widths == {"A:A": 7}
    assert book.names() == [L.CONTROL_SHEET, "校验结果", L.CONFIG_SHEET]


def test_replace_sheet_replaces_and_keeps_everything_else(tmp_path):
    book = FakeBook(str(tmp_path / "unionxl.xlsm"))
    control = book.sheets[L.CONTROL_SHEET]
    before = dict(control.cells)
    writer.replace_sheet(book, SheetPlan("校验结果", [["old"]]), after=L.CONTROL_SHEET)
    writer.replace_sheet(book, SheetPlan("汇总", [["sum"]]), after="校验结果")
    writer.replace_sheet(book, SheetPlan("校验结果", [["new"]]), after=L.CONTROL_SHEET)
    assert book.names() == [L.CONTROL_SHEET, "校验结果", "汇总", L.CONFIG_SHEET]
    assert book.sheets["校验结果"].rows() == [["new"]]
    assert book.sheets[L.CONTROL_SHEET].cells == before


# --- button: reading the control sheet -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "全部"), ("", "全部"), (" 校验 ", "校验"), ("汇总", "汇总"), ("生成报告", "生成报告")],
)
def test_parse_action(value, expected):
    assert button.parse_action(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("  ", None), (2023.0, 2023), (2023, 2023), ("2023", 2023), ("2023年", 2023)],
)
def test_parse_year(value, expected):
    assert button.parse_year(value) == expected


@pytest.mark.parametrize("value", ["二〇二三", 2023.5, 23, "abc"])
def test_parse_year_refuses(value):
    from unionxl import UnionxlError

    with pytest.raises(UnionxlError, match="年度"):
        button.parse_year(value)


def test_resolve_folder():
    assert button.resolve_folder(None, "/data/office/unionxl.xlsm") == Path("/data/office")
    assert button.resolve_folder(' "/data/工会/2023台账" ', "/x/unionxl.xlsm") == Path(
        "/data/工会/2023台账"
    )


def test_resolve_folder_refuses_a_web_address():
    from unionxl import UnionxlError

    with pytest.raises(UnionxlError, match="OneDrive"):
        button.resolve_folder(None, "https://contoso.sharepoint.com/工会/unionxl.xlsm")


# --- button: whole clicks ----------------------------------------------------------------

START = dt.datetime(2024, 3, 1, 10, 32)


def click(book: FakeBook, **kwargs):
    ticks = iter([0.0, 1.25, 1.25])
    return button.run(book, now=lambda: START, clock=lambda: next(ticks), **kwargs)


@pytest.fixture
def no_reports(monkeypatch):
    calls = []

    def fake(office, out_dir):
        calls.append(out_dir)
        out_dir.mkdir(exist_ok=True)
        return [out_dir / "经费收支决算报告.docx", out_dir / "捐款公示.docx"], []

    monkeypatch.setattr(button, "make_reports", fake)
    return calls


def test_click_on_a_clean_office_does_everything(make_office, no_reports):
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"))  # folder blank: the workbook's own folder
    outcome = click(book)
    assert book.names() == [L.CONTROL_SHEET, "校验结果", "汇总", L.CONFIG_SHEET]
    findings = book.sheets["校验结果"].rows()
    assert findings[0] == ["级别", "文件", "工作表", "单元格", "字段", "值", "问题说明", "规则"]
    assert findings[1][6] == "未发现问题"
    summary = book.sheets["汇总"].rows()
    assert summary[0][0] == "测试学院工会 2023 年度 汇总"
    assert ["会费收入", "收入", 500.0, 400.0, 0.8, 100.0] in summary
    assert no_reports == [office / "报告"]
    status = book.sheets[L.CONTROL_SHEET].range(L.STATUS_CELL).value
    assert status == (
        f"2024-03-01 10:32　全部：0 个错误，0 个警告（{outcome.files} 个工作簿，{outcome.rows} 行）"
        f"；汇总已更新；报告 2 份 → {office / '报告'}；用时 1.2 秒"
    )
    assert book.app.alerts == [(f"已生成 2 份报告，在 {office / '报告'}", "unionxl", "info")]
    assert book.app.screen_updating is True
    assert book.active == "汇总"


def test_click_with_errors_writes_findings_and_refuses_reports(make_office, no_reports):
    tables = clean_tables()
    rows_of(tables, "会员")[1][3] = "350902198503121234"  # wrong check digit
    office = make_office(tables)
    book = FakeBook(str(office / "unionxl.xlsm"), action="生成报告")
    outcome = click(book)
    assert outcome.errors == 1
    assert no_reports == []
    assert book.names() == [L.CONTROL_SHEET, "校验结果", L.CONFIG_SHEET]
    rows = book.sheets["校验结果"].rows()
    assert rows[1][:3] == ["错误", "会员名册.xlsx", "会员"]
    assert rows[1][3].startswith('=HYPERLINK("[') and rows[1][3].endswith('\'会员\'!D2","D2")')
    assert rows[1][5] == "350902********1234"  # masked
    [(message, title, mode)] = book.app.alerts
    assert "有 1 个错误，没有生成报告" in message and mode == "critical"
    assert book.active == "校验结果"


def test_check_only_writes_only_the_findings(make_office, no_reports):
    office = make_office()
    book = FakeBook("/elsewhere/unionxl.xlsm", action="校验", folder=str(office), year=2023)
    click(book)
    assert book.names() == [L.CONTROL_SHEET, "校验结果", L.CONFIG_SHEET]
    assert no_reports == [] and book.app.alerts == []


def test_second_click_replaces_the_results(make_office, no_reports):
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="汇总")
    click(book)
    first = [s.rows() for s in book.order]
    click(book)
    assert book.names() == [L.CONTROL_SHEET, "校验结果", "汇总", L.CONFIG_SHEET]
    assert [s.rows() for s in book.order] == first


def test_missing_folder_is_a_message_box(tmp_path, no_reports):
    book = FakeBook(str(tmp_path / "unionxl.xlsm"), folder=str(tmp_path / "没有这个文件夹"))
    assert click(book) is None
    [(message, _, mode)] = book.app.alerts
    assert message.startswith("找不到文件夹") and mode == "critical"
    status = book.sheets[L.CONTROL_SHEET].range(L.STATUS_CELL).value
    assert status.startswith("2024-03-01 10:32　全部：未完成。找不到文件夹")
    assert book.names() == [L.CONTROL_SHEET, L.CONFIG_SHEET]


def test_bad_choice_is_a_message_box(make_office):
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="打印")
    click(book)
    [(message, _, _)] = book.app.alerts
    assert "只能选：校验、汇总、生成报告、全部" in message


def test_unreadable_workbook_is_a_message_box(make_office, no_reports):
    office = make_office()
    (office / "坏文件.xlsx").write_bytes(b"not a workbook")
    book = FakeBook(str(office / "unionxl.xlsm"))
    outcome = click(book)
    assert outcome.notice.startswith("有工作簿无法读取")
    assert no_reports == []
    rows = book.sheets["校验结果"].rows()
    assert ["错误", "坏文件.xlsx"] == rows[1][:2] and rows[1][3] == "打开文件"  # no link


def test_reports_are_made_by_the_reports_module(make_office):
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="生成报告")
    outcome = click(book)
    assert outcome.notice is None
    assert outcome.reports and all(Path(p).parent == office / "报告" for p in outcome.reports)
    assert all(Path(p).is_file() and p.endswith(".docx") for p in outcome.reports)
    [(message, _, mode)] = book.app.alerts
    assert message.startswith(f"已生成 {len(outcome.reports)} 份报告") and mode == "info"


def test_a_second_click_never_overwrites_reports_a_clerk_may_have_edited(make_office):
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="生成报告")
    first = click(book)
    edited = office / "报告" / "捐款公示.docx"
    edited.write_bytes(b"the clerk's edit")
    second = click(book)
    assert second.notice is None
    assert all(Path(p).parent == office / "报告（2）" for p in second.reports)
    assert len(second.reports) == len(first.reports)
    assert edited.read_bytes() == b"the clerk's edit"


def test_no_report_to_make_is_said(make_office, monkeypatch):
    monkeypatch.setattr(
        button, "make_reports", lambda office, out: ([], ["捐款公示：台账中没有捐款活动"])
    )
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="生成报告")
    outcome = click(book)
    assert book.app.alerts == [
        ("没有生成报告：捐款公示：台账中没有捐款活动", "unionxl", "critical")
    ]
    assert outcome.reports == ()


def test_reports_failure_is_a_message_box(make_office, monkeypatch):
    from unionxl import UnionxlError

    def broken(office, out_dir):
        raise UnionxlError("模板有 1 处问题")

    monkeypatch.setattr(button, "make_reports", broken)
    office = make_office()
    book = FakeBook(str(office / "unionxl.xlsm"), action="全部")
    outcome = click(book)
    assert outcome.notice == "报告没有生成：模板有 1 处问题"
    assert outcome.totals  # the rest was done
    assert book.app.alerts == [("报告没有生成：模板有 1 处问题", "unionxl", "critical")]


def test_main_is_what_the_button_runs():
    import unionxl

    source = inspect.getsource(unionxl.main)
    assert "from .excel.button import main" in source
    assert inspect.signature(button.main).parameters == {}
