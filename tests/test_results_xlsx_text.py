"""校验结果.xlsx holds office text as text: nothing the office typed becomes a formula."""

from __future__ import annotations

import openpyxl
from conftest import clean_tables, write_office

import unionxl
from unionxl.outputs.findings_xlsx import write_results

INJECTED = ("=1+1", '=HYPERLINK("http://example.invalid","点我")')


def test_office_text_never_becomes_a_formula(tmp_path):
    tables = clean_tables()
    proposals = tables["提案"][1]
    proposals[1][4] = INJECTED[0]  # 审查结果: not a choice, so a finding shows the value
    proposals[2][4] = INJECTED[1]
    folder = write_office(tmp_path / "office", tables)
    path = folder / tables["提案"][0]
    book = openpyxl.load_workbook(path)
    for row, value in ((2, INJECTED[0]), (3, INJECTED[1])):
        cell = book["提案"].cell(row=row, column=5)
        cell.value = value
        cell.data_type = "s"  # typed by the office as text, not a formula
    book.save(path)
    report = unionxl.load(folder).check()
    shown = {f.shown_value() for f in report.findings}
    assert set(INJECTED) <= shown, shown
    target = write_results(report, folder, tmp_path / "out" / "校验结果.xlsx")
    book = openpyxl.load_workbook(target)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                texts.append(cell.value)
    for value in INJECTED:
        assert value in texts
