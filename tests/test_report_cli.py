"""`unionxl report` as a user runs it: exit codes, Chinese messages, PDF with LibreOffice."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from conftest import clean_tables
from test_report import document_text
from test_report_doctor import template

from unionxl.cli import main
from unionxl.model.errors import UnionxlError
from unionxl.reports import pdf

NAMES = {
    "经费收支决算报告.docx",
    "捐款公示.docx",
    "工作报告数据.docx",
    "慰问发放表.docx",
    "工作报告（数据稿）.docx",
}


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_all_five(make_office, tmp_path, capsys):
    code, out, err = run_main(capsys, "report", make_office(), "--out", tmp_path / "报告")
    assert code == 0, err
    assert {p.name for p in (tmp_path / "报告").iterdir()} == NAMES
    assert out.count("已生成 ") == len(NAMES) and "Traceback" not in err


def test_only_named(make_office, tmp_path, capsys):
    out_dir = tmp_path / "out"
    code, _, err = run_main(
        capsys, "report", make_office(), "--out", out_dir, "--only", "捐款公示", "--named"
    )
    assert code == 0, err
    assert [p.name for p in out_dir.iterdir()] == ["捐款公示.docx"]
    assert "张三" in document_text(out_dir / "捐款公示.docx")


def test_data_errors_exit_1_with_one_chinese_line_and_force_writes(make_office, tmp_path, capsys):
    tables = clean_tables()
    tables["捐款明细"][1][1][2] = "张三丰"  # 姓名 differs from the roster
    folder = make_office(tables)
    code, out, err = run_main(capsys, "report", folder, "--out", tmp_path / "out")
    assert code == 1 and out == ""
    [line] = err.strip().splitlines()
    assert line.startswith("unionxl：数据校验发现 1 个错误，未生成报告。请先运行 unionxl check ")
    assert "--force" in line
    assert not (tmp_path / "out").exists()

    code, out, err = run_main(capsys, "report", folder, "--out", tmp_path / "out", "--force")
    assert code == 0
    assert "注意：数据校验存在 1 个错误，报告仅供核对" in err
    assert len(list((tmp_path / "out").iterdir())) == len(NAMES)


def test_check_templates_lists_problems_without_a_traceback(tmp_path, capsys):
    own = tmp_path / "own"
    own.mkdir()
    template(own / "简报.docx", "本单位：{{ 未知变量 }}", "{%p for 行 in 收入行 %}")
    code, out, err = run_main(capsys, "report", "--check-templates", "--templates", own)
    assert code == 1
    assert "简报.docx：有问题" in out and "捐款公示.docx：没有问题" in out
    assert "简报.docx（正文）“本单位：{{ 未知变量 }}”：数据中没有变量“未知变量”" in out
    assert (
        "简报.docx（正文）“{%p for 行 in 收入行 %}”：这个 {% for … %} 没有对应的 {% endfor %}"
        in out
    )
    assert "Traceback" not in out + err

    code, out, _ = run_main(capsys, "report", "--check-templates")
    assert code == 0 and out.count("没有问题") == len(NAMES)


def test_broken_template_stops_the_report_with_exit_2(make_office, tmp_path, capsys):
    own = tmp_path / "own"
    own.mkdir()
    template(own / "捐款公示.docx", "{{ 活动 }}")
    code, out, err = run_main(
        capsys, "report", make_office(), "--out", tmp_path / "out", "--templates", own
    )
    assert code == 2 and out == ""
    assert err.startswith("unionxl：模板有 1 处问题，请在 Word 中改正后重试：")
    assert "捐款公示.docx（正文）“{{ 活动 }}”" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_arguments_and_unknown_template(make_office, tmp_path, capsys):
    folder = make_office()
    code, _, err = run_main(capsys, "report", folder)
    assert code == 2 and "--out" in err
    code, _, err = run_main(capsys, "report", folder, "--out", tmp_path / "o", "--only", "决算")
    assert code == 2 and "没有名为 决算 的模板" in err


def test_pdf_without_libreoffice_keeps_the_docx_and_says_so(
    make_office, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    code, out, err = run_main(capsys, "report", make_office(), "--out", tmp_path / "out", "--pdf")
    assert code == 0
    assert "unionxl：未安装 LibreOffice，只生成了 Word 文档" in err
    assert {p.name for p in (tmp_path / "out").iterdir()} == NAMES


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell script as a fake soffice")
def test_pdf_timeout_stops_soffice_and_what_it_started(tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $$ $! > {pids}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"x")
    started = time.monotonic()
    with pytest.raises(UnionxlError, match="超过 1 秒仍未完成，已停止"):
        pdf.convert([doc], tmp_path / "out", timeout=1)
    assert time.monotonic() - started < 10
    for pid in map(int, pids.read_text().split()):
        assert not alive(pid)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_with_libreoffice_one_call_for_all(make_office, tmp_path, capsys):
    code, _, err = run_main(capsys, "report", make_office(), "--out", tmp_path / "out", "--pdf")
    assert code == 0, err
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert {p.stem for p in pdfs} == {Path(n).stem for n in NAMES}
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert f"正在用 LibreOffice 把 {len(NAMES)} 个文档转换为 PDF" in err
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(
            ["pdftotext", str(tmp_path / "out" / "捐款公示.pdf"), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert "慈善一日捐" in text
