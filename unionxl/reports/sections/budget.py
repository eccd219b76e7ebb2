"""经费收支决算报告: the paragraphs, the 收支总表, the budget lines and their flags.

Every figure is a `Budget` figure (the same as `unionxl totals`); the paragraphs are
written from them, in the words a 基层工会 决算报告 uses. With `--previous` last year's
`Budget` stands beside this year's.

Which lines are flagged (`flagged`): a line deviates when its 执行率 is off 100 % by more
than DEVIATION, when it has actuals but no budget (and no budgeted 科目 above it holds its
group's budget), or when a budget was not used at all. A parent whose deviation is fully
explained by its flagged children is not flagged again: what is left of the parent once
its flagged children (or, below an unflagged child, that child's flagged descendants) are
taken out must deviate by itself. So one shortfall gets one flag, on the line where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionxl.outputs import terms as T
from unionxl.reports.fmt import ZERO, money, percent, ratio, upper
from unionxl.reports.options import Chart, Options

if TYPE_CHECKING:
    from unionxl.figures.model import Budget, BudgetLine
    from unionxl.policy.policy import Policy

DEVIATION = Decimal(10)  # percent: lines off budget by more than this are flagged
INDENT = "\u3000\u3000"  # per level below the top
TOP_ITEMS = 3  # largest lines named in the 收入/支出 paragraphs
TOP_CHILDREN = 2  # largest lines below a parent named with it
KINDS = (("收入", "收入行", "收入合计"), ("支出", "支出行", "支出合计"))
BALANCES = ("上年结余", "本年收入", "本年支出", "年末结余")


@dataclass(frozen=True)
class Figures:
    """One year's totals as the report prints them (this year's or last year's)."""

    opening: Decimal
    income: Decimal
    expense: Decimal

    @property
    def closing(self) -> Decimal:
        return self.opening + self.income - self.expense

    def of(self, name: str) -> Decimal:
        return {
            "上年结余": self.opening,
            "本年收入": self.income,
            "本年支出": self.expense,
            "年末结余": self.closing,
        }[name]


def figures_of(budget: Budget | None) -> Figures:
    if budget is None:
        return Figures(ZERO, ZERO, ZERO)
    return Figures(budget.opening_balance or ZERO, budget.income_total, budget.expense_total)


def budget_vars(
    budget: Budget | None, policy: Policy, options: Options, union: str
) -> dict[str, Any]:
    previous = options.previous.budget if options.previous is not None else None
    if options.previous is not None and previous is None:
        options.notes.append("上年台账中没有预算和收支明细，决算报告不列上年决算")
    if budget and budget.opening_balance is None:
        options.notes.append("“设置”表没有上年结余，决算报告按 0 计算")
    now, before = figures_of(budget), figures_of(previous)
    has_previous = previous is not None
    if has_previous and before.closing != now.opening:
        options.notes.append(
            f"上年台账的年末结余 {money(before.closing)} 与本年“设置”表的上年结余"
            f" {money(now.opening)} 不一致，请核对"
        )
    result: dict[str, Any] = {
        "主送": policy.value("主送") or main_recipient(union),
        "有上年": has_previous,
        "负责人": policy.value("负责人") or "",
        "制表人": policy.value("制表人") or "",
        "偏差阈值": f"{DEVIATION:.0f}%",
    }
    for name in BALANCES:
        result[name] = money(now.of(name))
        result[f"{name}大写"] = upper(now.of(name))
    result["上年总表"] = {name: money(before.of(name)) if has_previous else "" for name in BALANCES}

    notes: list[dict[str, str]] = []
    chart: dict[str, list[tuple[str, Decimal, Decimal]]] = {"收入": [], "支出": []}
    for kind, rows_key, total_key in KINDS:
        lines = budget.lines_of(kind) if budget else ()
        deviating = flagged(lines)
        rows = []
        for line, last, depth in paired(lines, previous.lines_of(kind) if previous else ()):
            planned, actual = (line.budget, line.actual) if line else (ZERO, ZERO)
            number = ""
            if line is not None and line.account in deviating:
                notes.append(flag_item(len(notes) + 1, line, kind, deviating[line.account]))
                number = str(len(notes))
            name = line.account if line else last.account if last else ""
            rows.append(
                row(INDENT * depth + name, planned, actual, number, last_actual(last, previous))
            )
            if line is not None and line.parent is None and (line.budget or line.actual):
                chart[kind].append((line.account, line.budget, line.actual))
        left = unassigned(budget, kind)
        left_before = unassigned(previous, kind)
        if left or left_before:  # journal rows without a (matching) 科目: so the table adds up
            rows.append(row(T.UNASSIGNED, ZERO, left, "", left_before if has_previous else None))
        result[rows_key] = rows
        planned = budget.subtotal(kind).budget if budget else ZERO
        total = now.income if kind == "收入" else now.expense
        total_before = before.income if kind == "收入" else before.expense
        result[total_key] = total_row(planned, total, total_before if has_previous else None)
        explanation_notes(lines, deviating, options)
    result["需说明"] = notes
    threshold = result["偏差阈值"]
    result["差异句"] = (
        f"决算数与预算数相差超过{threshold}的科目有{len(notes)}个："
        if notes
        else f"各科目决算数与预算数相差均在{threshold}以内。"
    )
    result["收入说明"] = kind_paragraph("收入", budget, previous)
    result["支出说明"] = kind_paragraph("支出", budget, previous)
    result["结余说明"] = balance_paragraph(now)
    result["执行句"] = execution_sentence(budget)
    result["图表"] = Chart(chart["收入"], chart["支出"])
    return result


def main_recipient(union: str) -> str:
    """主送 by default: the union's committee (某某工会 → 某某工会委员会)."""
    if not union:
        return ""
    return union if union.endswith("委员会") else f"{union}委员会"


# --- flags -------------------------------------------------------------------------------
def deviation(planned: Decimal, actual: Decimal, covered: bool = False) -> str:
    """Why figures deviate ("" when within ±DEVIATION %). `covered`: a budgeted 科目
    above holds the group's budget, so a line without its own budget is not a deviation."""
    if not planned:
        return "无预算" if actual and not covered else ""
    rate = ratio(actual, planned)
    assert rate is not None
    if abs(rate - 100) <= DEVIATION:
        return ""
    if not actual:
        return "未执行"
    return f"{'超出' if rate > 100 else '低于'}预算{abs(rate - 100):.2f}%"


def flagged(lines: tuple[BudgetLine, ...]) -> dict[str, str]:
    """科目 -> why it is flagged, for the lines of one kind (the rule of the module doc)."""
    by_name = {line.account: line for line in lines}
    children: dict[str | None, list[BudgetLine]] = {}
    for line in lines:
        children.setdefault(line.parent, []).append(line)
    result: dict[str, str] = {}

    def covered(line: BudgetLine) -> bool:
        parent = by_name.get(line.parent) if line.parent else None
        while parent is not None:
            if parent.budgeted:
                return True
            parent = by_name.get(parent.parent) if parent.parent else None
        return False

    def visit(line: BudgetLine) -> tuple[Decimal, Decimal]:
        """(budget, actual) of the nearest flagged lines below `line` (after flagging it)."""
        below_budget = below_actual = ZERO
        for child in children.get(line.account, ()):
            b, a = visit(child)
            if child.account in result:  # the child carries its own flag
                b, a = child.budget, child.actual
            below_budget += b
            below_actual += a
        why = deviation(line.budget, line.actual, covered(line))
        if why and (below_budget or below_actual):  # some of it is explained below
            rest = deviation(line.budget - below_budget, line.actual - below_actual, covered(line))
            why = why if rest else ""
        if why:
            result[line.account] = why
        return below_budget, below_actual

    for top in children.get(None, ()):
        visit(top)
    # children are visited before their parent decides, so the order of `result` is
    # post-order; the report lists flags in table order
    return {line.account: result[line.account] for line in lines if line.account in result}


def flag_item(number: int, line: BudgetLine, kind: str, why: str) -> dict[str, str]:
    return {
        "序号": str(number),
        "科目": line.account,
        "类别": kind,
        "预算数": money(line.budget),
        "决算数": money(line.actual),
        "执行率": percent(ratio(line.actual, line.budget)),
        "差额": money(T.remaining(line.budget, line.actual)),
        "情况": why,
        "说明": line.explanation,
        "句": flag_sentence(line, kind, why),
    }


def flag_sentence(line: BudgetLine, kind: str, why: str) -> str:
    """ "文体活动支出：预算530,000.00元，决算455,572.12元，执行率85.96%，比预算少支出74,427.88元。"
    followed by the office's 说明 when 预算 has one."""
    figures = f"{line.account}：预算{money(line.budget)}元，决算{money(line.actual)}元"
    if why == "无预算":
        text = f"{figures}，未编列预算。"
    elif why == "未执行":
        text = f"{figures}，全年未发生。"
    else:
        rate = percent(ratio(line.actual, line.budget))
        text = f"{figures}，执行率{rate}，{against_budget(kind, line.budget, line.actual)}。"
    note = line.explanation.strip()
    if note:
        text += note if note.endswith(("。", "！", "？", ".")) else f"{note}。"
    return text


def against_budget(kind: str, planned: Decimal, actual: Decimal) -> str:
    """ "比预算多收80,360.55元" / "比预算少支出722,876.61元" / "超支…" / "与预算持平"."""
    gap = actual - planned
    if not gap:
        return "与预算持平"
    if kind == "收入":
        return f"比预算{'多' if gap > 0 else '少'}收{money(abs(gap))}元"
    return f"超支{money(gap)}元" if gap > 0 else f"比预算少支出{money(-gap)}元"


def explanation_notes(
    lines: tuple[BudgetLine, ...], deviating: dict[str, str], options: Options
) -> None:
    """A 说明 the report does not print is named on stderr, so the clerk's words are
    never dropped silently."""
    for line in lines:
        if line.explanation and line.account not in deviating:
            options.notes.append(
                f"预算“{line.account}”的说明未印入决算报告：该科目与预算相差不超过"
                f" {DEVIATION:.0f}%，或其差异已在下级科目中说明"
            )


# --- table rows --------------------------------------------------------------------------
def paired(
    lines: tuple[BudgetLine, ...], last_year: tuple[BudgetLine, ...]
) -> list[tuple[BudgetLine | None, BudgetLine | None, int]]:
    """(this year's line, last year's line of the same 科目, depth) in table order. A 科目
    only last year had follows its parent's lines (or comes last), with nothing this year."""
    before = {line.account: line for line in last_year}
    rows: list[tuple[BudgetLine | None, BudgetLine | None, int]] = [
        (line, before.get(line.account), line.depth) for line in lines
    ]
    names = [line.account for line in lines]
    for old in last_year:
        if old.account in names:
            continue
        if old.parent in names:
            at = names.index(old.parent)
            depth = rows[at][2] + 1
            end = at + 1
            while end < len(rows) and rows[end][2] >= depth:
                end += 1
        else:
            depth, end = 0, len(rows)
        rows.insert(end, (None, old, depth))
        names.insert(end, old.account)
    return rows


def last_actual(line: BudgetLine | None, previous: Budget | None) -> Decimal | None:
    """Last year's actual of a line (0 when last year had no such line); None without
    --previous."""
    if previous is None:
        return None
    return line.actual if line is not None else ZERO


def unassigned(budget: Budget | None, kind: str) -> Decimal:
    if budget is None:
        return ZERO
    return budget.unassigned_income if kind == "收入" else budget.unassigned_expense


def row(
    name: str, planned: Decimal, actual: Decimal, number: str, before: Decimal | None
) -> dict[str, str]:
    return {
        "科目": name,
        "预算数": money(planned),
        "决算数": money(actual),
        "执行率": percent(ratio(actual, planned)),
        "差额": money(T.remaining(planned, actual)),
        "注": number,
        "标记": "※" if number else "",
        **change(actual, before),
    }


def total_row(planned: Decimal, actual: Decimal, before: Decimal | None) -> dict[str, str]:
    return {
        "预算数": money(planned),
        "决算数": money(actual),
        "执行率": percent(ratio(actual, planned)),
        "差额": money(T.remaining(planned, actual)),
        **change(actual, before),
    }


def change(actual: Decimal, before: Decimal | None) -> dict[str, str]:
    """上年决算 and the change against it ("" everywhere without --previous)."""
    if before is None:
        return {"上年决算": "", "增减额": "", "增减率": ""}
    growth = ratio(actual - before, before)
    return {
        "上年决算": money(before),
        "增减额": money(actual - before),
        "增减率": percent(growth),
    }


# --- paragraphs --------------------------------------------------------------------------
def kind_paragraph(kind: str, budget: Budget | None, previous: Budget | None) -> str:
    """一、收入情况 / 二、支出情况: the total, against budget and last year, the largest items."""
    total = (
        ZERO if budget is None else budget.income_total if kind == "收入" else budget.expense_total
    )
    if not total:
        return f"全年没有经费{kind}。"
    planned = budget.subtotal(kind).budget if budget else ZERO
    text = f"全年经费{kind}{money(total)}元"
    if planned:
        text += (
            f"，为预算{money(planned)}元的{percent(ratio(total, planned))}，"
            f"{against_budget(kind, planned, total)}"
        )
    if previous is not None:
        before = previous.income_total if kind == "收入" else previous.expense_total
        text += f"，{against_last_year(total, before)}"
    text += "。"
    assert budget is not None
    top = sorted(
        (line for line in budget.top_lines if line.kind == kind and line.actual > 0),
        key=lambda line: -line.actual,
    )
    if not top:
        return text
    items = []
    for line in top[:TOP_ITEMS]:
        item = f"{line.account}{money(line.actual)}元，占{percent(ratio(line.actual, total))}"
        inner = sorted(
            (c for c in budget.children(line.account) if c.actual > 0), key=lambda c: -c.actual
        )[:TOP_CHILDREN]
        if inner:
            item += "（主要是" + "、".join(f"{c.account}{money(c.actual)}元" for c in inner) + "）"
        items.append(item)
    rest = top[TOP_ITEMS:]
    if rest:
        amount = sum((line.actual for line in rest), ZERO)
        items.append(
            f"其余{len(rest)}个科目合计{money(amount)}元，占{percent(ratio(amount, total))}"
        )
    left = unassigned(budget, kind)
    if left:
        items.append(f"未列入科目的{kind}{money(left)}元")
    lead = "其中：" if len(items) > 1 else "其中"
    return text + lead + "；".join(items) + "。"


def against_last_year(now: Decimal, before: Decimal) -> str:
    """ "比上年（5,900,000.00元）增加570,360.55元，增长9.67%"."""
    gap = now - before
    head = f"比上年（{money(before)}元）"
    if not gap:
        return head + "持平"
    growth = ratio(abs(gap), before)
    rate = f"，{'增长' if gap > 0 else '下降'}{percent(growth)}" if growth is not None else ""
    return f"{head}{'增加' if gap > 0 else '减少'}{money(abs(gap))}元{rate}"


def balance_paragraph(now: Figures) -> str:
    text = (
        f"上年结余{money(now.opening)}元，加本年收入{money(now.income)}元，"
        f"减本年支出{money(now.expense)}元，年末结余{money(now.closing)}元"
    )
    gap = now.closing - now.opening
    if gap:
        text += f"，比年初{'增加' if gap > 0 else '减少'}{money(abs(gap))}元"
    return text + "。"


def execution_sentence(budget: Budget | None) -> str:
    """四、预算执行情况: the two overall 执行率."""
    if budget is None:
        return "本年度没有预算。"
    parts = []
    for kind in ("收入", "支出"):
        subtotal = budget.subtotal(kind)
        if subtotal.budget:
            total = budget.income_total if kind == "收入" else budget.expense_total
            parts.append(f"{kind}预算执行率为{percent(ratio(total, subtotal.budget))}")
    if not parts:
        return "本年度没有编列预算数。"
    return "本年度" + "，".join(parts) + "。各科目执行情况如下表。"
