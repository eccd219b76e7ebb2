"""The control workbook `unionxl.xlsm`: VBA project, button, xlwings.conf, control sheet.

Excel itself cannot run here; what can be checked without it is checked on the file:
olevba lists the macros, the button's VML names the macro, openpyxl and LibreOffice open it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

import unionxl
from unionxl import UnionxlError
from unionxl.cli import main as cli_main
from unionxl.excel import control, vba
from unionxl.excel import layout as L

PYTHON = r"C:\Users\工会\AppData\Local\Programs\Python\Python312\python.exe"


@pytest.fixture(scope="module")
def xlsm(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("office")
    return control.build(folder, interpreter=PYTHON)


def macros(path: Path) -> dict[str, str]:
    """Module name -> VBA source, as olevba (oletools) reads them from the file."""
    with warnings.catch_warnings():  # oletools uses pyparsing's deprecated names
        warnings.simplefilter("ignore")
        from oletools.olevba import VBA_Parser

        parser = VBA_Parser(str(path))
        try:
            return {name: code for _, _, name, code in parser.extract_macros()}
        finally:
            parser.close()


def test_vba_project_comes_from_the_installed_xlwings():
    template = vba.template_path()
    assert template.name == "quickstart_standalone.xlsm"
    assert template.parent.name == "xlwings"
    assert vba.vba_project().startswith(b"\xd0\xcf\x11\xe0")


def test_no_xlwings_no_control_workbook(monkeypatch, tmp_path):
    monkeypatch.setattr(vba.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(UnionxlError, match="没有安装 xlwings"):
        control.build(tmp_path)
    assert not (tmp_path / L.WORKBOOK_NAME).exists()


def test_macro_runs_unionxl_main(xlsm):
    modules = macros(xlsm)
    assert {"Module1.bas", "xlwings.bas", "ThisWorkbook.cls", "Sheet1.cls", "Sheet2.cls"} <= set(
        modules
    )
    sample = modules["Module1.bas"]
    assert "Sub SampleCall()" in sample
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in sample
    assert "Left(ThisWorkbook.Name, (InStrRev(ThisWorkbook.Name," in sample
    # ... so for unionxl.xlsm it runs `import unionxl;unionxl.main()`:
    assert Path(L.WORKBOOK_NAME).stem == unionxl.__name__ and callable(unionxl.main)
    assert "Public Function RunPython(PythonCommand As String)" in modules["xlwings.bas"]
    assert 'GetConfig("INTERPRETER_WIN", "")' in modules["xlwings.bas"]


def test_button_is_bound_to_the_macro(xlsm):
    with zipfile.ZipFile(xlsm) as z:
        names = set(z.namelist())
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        vml_name = re.search(r'Target="../drawings/(vmlDrawing\d+\.vml)"', rels).group(1)
        vml = z.read(f"xl/drawings/{vml_name}").decode()
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
        workbook = z.read("xl/workbook.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    assert "xl/vbaProject.bin" in names
    assert "<legacyDrawing r:id=" in sheet1  # the control sheet holds the drawing
    assert vml.count('ObjectType="Button"') == 1
    assert "<x:FmlaMacro>[0]!SampleCall</x:FmlaMacro>" in vml
    assert "运行 unionxl" in vml
    assert "macroEnabled.main+xml" in types and "vbaProject" in types
    # Code names tie the sheets to the VBA project's Sheet1/Sheet2 modules.
    assert 'codeName="ThisWorkbook"' in workbook
    assert '<sheetPr codeName="Sheet1"' in sheet1
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == [L.CONTROL_SHEET, L.CONFIG_SHEET]


def test_xlwings_conf_names_the_interpreter(xlsm):
    book = openpyxl.load_workbook(xlsm)
    conf = book[L.CONFIG_SHEET]
    keys = []
    row = 1
    while conf.cell(row, 1).value:  # xlwings reads A1 down to the first blank
        keys.append((conf.cell(row, 1).value, conf.cell(row, 2).value))
        row += 1
    assert keys[:2] == [("Interpreter_Win", PYTHON), ("ADD_WORKBOOK_TO_PYTHONPATH", "false")]
    assert all(isinstance(v, str) for _, v in keys)
    for key, value in keys[2:]:
        assert key == "PYTHONPATH" and (Path(value) / "unionxl" / "__init__.py").is_file()


def test_interpreter_defaults_to_the_running_python(tmp_path):
    path = control.build(tmp_path)
    conf = openpyxl.load_workbook(path)[L.CONFIG_SHEET]
    assert conf["B1"].value == sys.executable


def test_control_sheet_reads_back(xlsm):
    book = openpyxl.load_workbook(xlsm)
    assert book.sheetnames == [L.CONTROL_SHEET, L.CONFIG_SHEET]
    sheet = book[L.CONTROL_SHEET]
    assert book.active.title == L.CONTROL_SHEET
    labels = {
        sheet[c].offset(0, -1).value: sheet[c].value
        for c in (L.ACTION_CELL, L.FOLDER_CELL, L.YEAR_CELL)
    }
    assert labels == {"要做什么": "全部", "台账文件夹": None, "年度": None}
    assert sheet[L.STATUS_CELL].value == "（还没有运行过）"
    assert sheet[L.FOLDER_CELL].number_format == "@"
    validations = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    action = validations[L.ACTION_CELL]
    assert action.type == "list" and action.formula1 == '"校验,汇总,生成报告,全部"'
    assert action.showErrorMessage and action.errorStyle in (None, "stop")
    year = validations[L.YEAR_CELL]
    assert (year.type, year.formula1, year.formula2) == ("whole", "2000", "2100")


def test_refuses_to_overwrite_unless_forced(tmp_path):
    first = control.build(tmp_path)
    stamp = first.stat().st_mtime_ns
    with pytest.raises(UnionxlError, match="已经存在"):
        control.build(tmp_path)
    assert first.stat().st_mtime_ns == stamp
    assert control.build(tmp_path, force=True) == first
    assert [p.name for p in tmp_path.iterdir()] == [L.WORKBOOK_NAME]  # no temp file left


def test_missing_folder(tmp_path):
    with pytest.raises(UnionxlError, match="找不到文件夹"):
        control.build(tmp_path / "nope")


def test_cli_excel(tmp_path, capsys):
    assert cli_main(["excel", str(tmp_path), "--python", PYTHON]) == 0
    assert f"已生成 {tmp_path / L.WORKBOOK_NAME}" in capsys.readouterr().out
    assert cli_main(["excel", str(tmp_path)]) == 2
    assert "已经存在" in capsys.readouterr().err
    assert cli_main(["excel", str(tmp_path), "--force"]) == 0


@pytest.mark.parametrize("command", ["check", "excel", "new"])
def test_cli_never_imports_xlwings(tmp_path, make_office, command):
    office = make_office()
    target = office if command != "new" else tmp_path / "blank"
    code = (
        "import sys; from unionxl.cli import main; "
        f"rc = main([{command!r}, {str(target)!r}]); "
        "assert 'xlwings' not in sys.modules, 'xlwings imported'; sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode in (0, 1), done.stderr


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_sees_the_button(xlsm, tmp_path):
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(xlsm),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    with zipfile.ZipFile(tmp_path / "unionxl.ods") as z:
        content = z.read("content.xml").decode()
    assert "要做什么" in content and "台账文件夹" in content and "全部" in content
    assert "运行 unionxl" in content  # the button survived …
    assert "vnd.sun.star.script:VBAProject.Module1.SampleCall" in content  # … bound to the macro
