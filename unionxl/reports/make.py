"""`make_reports`: check the templates, check the data, fill every template, write them.

Order of work, each step refusing before anything is written:

1. find the templates: the built-in ones (`unionxl/templates/`), replaced or extended
   by the office's own folder (`--templates DIR`), narrowed by `only`;
2. the template doctor on every one of them (a broken template stops everything);
3. the data check: errors stop the reports unless `force`, and then every document's
   footer says so (`校验提示`);
4. totals once, each template's context (only the sections it uses), render, write;
5. optionally one LibreOffice call for all the PDFs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unionxl.model.errors import UnionxlError
from unionxl.reports import variables as V
from unionxl.reports.context import Options, build_context
from unionxl.reports.doctor import TemplateInfo
from unionxl.reports.examined import BUILTIN, examined
from unionxl.reports.render import render

if TYPE_CHECKING:
    from unionxl.checks.run import CheckReport
    from unionxl.data.office_data import OfficeData
    from unionxl.figures.model import Totals
    from unionxl.policy.policy import Policy

# A report is skipped when the office keeps none of its data: all these lists are empty.
NEEDS: dict[str, tuple[tuple[str, ...], str]] = {
    "经费收支决算报告": (("收入行", "支出行"), "台账中没有预算和收支明细"),
    "捐款公示": (("捐款活动",), "台账中没有捐款活动"),
    "慰问发放表": (("发放表",), "台账中没有慰问登记"),
    "工作报告（数据稿）": (("工作总结",), "台账中没有工作报告用到的数字"),
}


class DataHasErrors(UnionxlError):
    """The data check found errors and `force` was not given (CLI exit status 1)."""

    def __init__(self, errors: int, folder: Path) -> None:
        super().__init__(
            f"数据校验发现 {errors} 个错误，未生成报告。请先运行 unionxl check {folder} 查看并改正；"
            "如只需生成供核对的报告，加 --force"
        )
        self.errors = errors


class TemplateProblems(UnionxlError):
    """The doctor found problems in the templates; `problems` lists every one."""

    def __init__(self, problems: list[Any]) -> None:
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"模板有 {len(problems)} 处问题，请在 Word 中改正后重试：\n{lines}")
        self.problems = problems


@dataclass
class ReportResult:
    written: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "捐款公示：台账中没有捐款活动"
    notes: list[str] = field(default_factory=list)  # things the user should know (stderr)
    errors: int = 0  # data errors the reports were made despite (force)


def find_templates(
    templates: str | Path | None = None, only: Iterable[str] | None = None
) -> list[Path]:
    """Built-in templates, replaced by (and extended with) those in `templates`."""
    found = {p.stem: p for p in docx_files(BUILTIN)}
    if templates is not None:
        folder = Path(templates)
        if not folder.is_dir():
            raise UnionxlError(f"模板文件夹不存在：{folder}")
        own = docx_files(folder)
        if not own:
            raise UnionxlError(f"模板文件夹 {folder} 中没有 .docx 模板")
        found.update({p.stem: p for p in own})
    if only:
        wanted = [Path(name).stem for name in only]
        unknown = [w for w in wanted if w not in found]
        if unknown:
            raise UnionxlError(f"没有名为 {'、'.join(unknown)} 的模板（有：{'、'.join(found)}）")
        return [found[w] for w in dict.fromkeys(wanted)]
    return list(found.values())


def refuse_to_overwrite(out: Path, templates: Iterable[Path]) -> None:
    """A .docx already in `out` may hold what a clerk typed into it: never lose it silently."""
    if not out.is_dir():
        return
    there = [f"{path.stem}.docx" for path in templates if (out / f"{path.stem}.docx").exists()]
    if there:
        raise UnionxlError(
            f"{out} 中已有 {'、'.join(there)}：不会覆盖（其中可能有手工修改）。"
            "请换一个 --out 文件夹、先把它们移走，或加 --force 覆盖"
        )


def unused_folder(base: Path, templates: str | Path | None = None) -> Path:
    """`base`, or 报告（2）, 报告（3）… beside it: the first that holds none of the reports
    (a window or button run again never overwrites a report a clerk may have edited)."""
    names = [f"{path.stem}.docx" for path in find_templates(templates)]
    candidate, n = base, 1
    while candidate.is_dir() and any((candidate / name).exists() for name in names):
        n += 1
        candidate = base.with_name(f"{base.name}（{n}）")
    return candidate


def docx_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.docx") if not p.name.startswith(("~$", ".~", ".")))


def check_templates(
    templates: str | Path | None = None,
    only: Iterable[str] | None = None,
    *,
    trial_builtin: bool = True,
) -> list[TemplateInfo]:
    """The doctor's findings for every template that would be used. `trial_builtin=False`
    skips the trial render of the shipped templates (the test suite renders each of them;
    the office's own are always tried): a report run saves half a second."""
    return [
        examined(path, trial=trial_builtin or path.parent != BUILTIN)
        for path in find_templates(templates, only)
    ]


def make_reports(
    report: CheckReport,
    totals: Totals,
    policy: Policy,
    out: str | Path,
    *,
    only: Iterable[str] | None = None,
    templates: str | Path | None = None,
    named: bool = False,
    force: bool = False,
    pdf: bool = False,
    date: dt.date | None = None,
    previous: Totals | None = None,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    data: OfficeData | None = None,
) -> ReportResult:
    """Fill the report templates from the office's figures and write one .docx each into
    `out`; `report` (the data check) decides whether they may be made at all.

    `date` is the 成文日期 (over 设置's); `previous` last year's totals (the 决算报告 shows
    them beside this year's); `today` the day the reports are made (default: the clock's);
    `data`, the loaded tables, gives the office's own templates their rows (台账).
    """
    infos = check_templates(templates, only, trial_builtin=False)
    problems = [p for info in infos for p in info.problems]
    if problems:
        raise TemplateProblems(problems)
    errors = report.errors + len(report.unreadable)
    if errors and not force:
        raise DataHasErrors(errors, totals.folder or Path("."))
    if totals.year is None:
        raise UnionxlError("不知道报告年度：请在“设置”表填写“年度”，或加 --year")
    options = Options(named=named, date=date, today=today, previous=previous, errors=errors)
    if previous is not None and previous.year is not None and previous.year != totals.year - 1:
        options.notes.append(
            f"--previous 的台账是 {previous.year} 年度的，不是 {totals.year - 1} 年度：请核对"
        )
    result = ReportResult(errors=errors)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UnionxlError(f"{out} 是一个文件，--out 需要一个文件夹")
    if not force:
        refuse_to_overwrite(out, (info.path for info in infos))
    for info in infos:
        sections = {V.SECTION_OF[name] for name in info.variables}
        context = build_context(totals, policy, options, sections, data)
        keys, reason = NEEDS.get(info.name, ((), ""))
        if keys and all(k in context and not context[k] for k in keys):
            result.skipped.append(f"{info.name}：{reason}")
            continue
        if progress:
            progress(f"正在生成 {info.name}.docx")
        target = out / f"{info.name}.docx"
        result.written.append(
            render(info.path, context, target, result.notes, variables=info.variables)
        )
    result.notes[:0] = list(dict.fromkeys(options.notes))
    if pdf and result.written:
        from unionxl.reports.pdf import LibreOfficeMissing, convert, default_timeout

        if progress:
            limit = max(default_timeout([d]) for d in result.written)
            progress(
                f"正在用 LibreOffice 把 {len(result.written)} 个文档转换为 PDF（最多等 {limit:.0f} 秒）…"
            )
        try:
            result.pdfs = convert(result.written, out, notes=result.notes)
        except LibreOfficeMissing as e:
            result.notes.append(str(e))
    return result
