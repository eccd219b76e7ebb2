"""The public Python API: curated, honest, and light on the CLI path."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import unionxl


def test_exported_members_are_the_documented_ones():
    public = {name for name in dir(unionxl) if not name.startswith("_")} - {"annotations"}
    modules = {m.name for m in pkgutil.iter_modules(unionxl.__path__)}
    assert set(unionxl.__all__) == public - modules
    for name in unionxl.__all__:
        assert getattr(unionxl, name) is not None


def test_one_shot_verbs_survive_importing_every_module():
    # A submodule named like a verb would replace the function on the package.
    for m in pkgutil.walk_packages(unionxl.__path__, "unionxl."):
        if ".excel" in m.name or m.name.endswith("__main__"):
            continue  # needs xlwings' engine only on Windows; imported lazily
        importlib.import_module(m.name)
    assert callable(unionxl.check) and callable(unionxl.totals) and callable(unionxl.load)
    assert unionxl.check.__module__ == "unionxl"


def test_check_returns_report_whose_dict_is_the_json_shape(make_office):
    report = unionxl.check(make_office())
    data = report.to_dict()
    assert set(data) == {"findings", "summary", "sheets", "unused"}
    assert set(data["summary"]) == {"errors", "warnings", "files", "rows"}


def test_office_loads_once_and_serves_check(make_office):
    office = unionxl.load(make_office())
    assert office.year == 2023 and office.unit_name == "测试学院工会"
    assert office.check().exit_code == 0
    assert len(office.table("会员")) == 2


def test_cli_check_imports_only_what_it_uses(make_office):
    code = (
        "import sys; from unionxl.cli import main; main(['check', sys.argv[1], '--json']);"
        "print(sorted(m for m in ('xlwings', 'pandas', 'docxtpl', 'openpyxl', 'PIL') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(make_office())], capture_output=True, text=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_report_verb_writes_the_documents(make_office, tmp_path):
    result = unionxl.report(make_office(), out=tmp_path / "报告", only=["捐款公示"])
    assert [p.name for p in result.written] == ["捐款公示.docx"]
    assert (tmp_path / "报告" / "捐款公示.docx").stat().st_mode & 0o044  # readable by others


def test_office_checks_and_totals_once(make_office):
    # The Excel button checks, then makes reports (which check again): one computation.
    office = unionxl.load(make_office())
    assert office.check() is office.check()
    assert office.totals() is office.totals()
