"""工作报告（数据稿）: the data sentences of the union's annual work report, theme by theme
(民主管理, 建功立业, 服务会员, 离退休工作, 自身建设, 经费管理), written from `Totals` in 公文
number style (`number_style`), each figure with its source rows (附：数据来源).

The narrative is the office's: the draft writes only what the registers hold, one
paragraph per subject, so the office can write around it. A register the office does not
keep leaves its sentences out; a theme with no sentence is left out and the others are
numbered on. Which activity goes where (台账格式 has no such column):

- 建功立业: 培训, 志愿服务, and 比赛 outside a 系列 whose name says it is about work
  (`WORK_CONTEST_WORDS`: 教学, 技能, 岗位 …);
- 服务会员: 疗休养, every 系列 (文体活动月, 我们的节日), the other activities, 慰问, 医疗互助;
- 离退休工作: 走访 (五必访) and the activities whose 对象 is 退休.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionxl.figures.model import CURRENT_STATUSES, Rows, merge_rows, rows_of
from unionxl.model.schema import AWARD_LEVELS, RETIREE_VISIT_TYPES
from unionxl.policy.keys import year_bounds
from unionxl.reports.fmt import date_cn
from unionxl.reports.sections.number_style import amount, chinese_ordinal, count, exact
from unionxl.reports.sections.trace import source_text

if TYPE_CHECKING:
    from unionxl.figures.model import Event, Honour, Proposals, Totals
    from unionxl.policy.policy import Policy

THEMES = ("民主管理", "建功立业", "服务会员", "离退休工作", "自身建设", "经费管理")
WORK_CONTEST_WORDS = ("教学", "技能", "岗位", "劳动", "创新", "课")
FIVE_VISITS = tuple(t for t in RETIREE_VISIT_TYPES if t != "其他")  # 五必访
RETIRED = "退休"
NAMES_LISTED = 4  # an activity sentence names at most this many events, then "等"
SESSION = re.compile(r"[（(]第?[0-9０-９一二三四五六七八九十]+[场期讲次批轮届][）)]$")
SEPARATORS = "·・:：-—– "
SUBJECT_WORDS = {"集体": ("个", "集体"), "个人": ("人", ""), "家庭": ("户", "家庭")}

Source = tuple[Rows | None, str] | str


class Draft:
    """The draft being written: paragraphs per theme and, for each figure, its source."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.theme = THEMES[0]
        self.paragraphs: dict[str, list[str]] = {t: [] for t in THEMES}
        self.sources: list[dict[str, Any]] = []

    def say(self, *clauses: str) -> None:
        """One paragraph of the current theme from its clauses (empty ones dropped)."""
        text = "，".join(c for c in clauses if c)
        if text:
            self.paragraphs[self.theme].append(text + "。")

    def n(self, value: int, unit: str, meaning: str, *sources: Source) -> str:
        """A count as the text shows it ("30件"), its source noted."""
        return self._noted(count(value, unit), meaning, sources)

    def yuan(self, value: Decimal, meaning: str, *sources: Source) -> str:
        """An amount as the text shows it ("117228元", "11.72万元"), its source noted."""
        text = amount(value, self.style)
        shown = text if text == amount(value) else f"{text}（{exact(value)}）"
        self.sources.append(self._entry(shown, meaning, sources))
        return text

    def _noted(self, text: str, meaning: str, sources: Sequence[Source]) -> str:
        self.sources.append(self._entry(text, meaning, sources))
        return text

    def _entry(self, text: str, meaning: str, sources: Sequence[Source]) -> dict[str, Any]:
        return {
            "部分": self.theme,
            "数字": text,
            "含义": meaning,
            "来源": source_text(sources),
        }


def each(rows: Sequence[Rows], where: str = "") -> list[Source]:
    return [(r, where) for r in rows]


def work_draft_vars(totals: Totals, policy: Policy) -> dict[str, Any]:
    draft = Draft(policy.value("金额写法") or "元")
    for theme, write in zip(THEMES, WRITERS, strict=True):
        draft.theme = theme
        write(draft, totals)
    present = [t for t in THEMES if draft.paragraphs[t]]
    return {
        "工作总结": [
            {
                "序号": chinese_ordinal(i),
                "名称": theme,
                "标题": f"（{chinese_ordinal(i)}）{theme}",
                "段落": draft.paragraphs[theme],
            }
            for i, theme in enumerate(present, 1)
        ],
        "数据来源": sources(draft.sources, present),
        "统计口径": basis_text(totals),
    }


def sources(entries: list[dict[str, Any]], present: list[str]) -> list[dict[str, Any]]:
    """The appendix rows, numbered, `首行` on the first of each 部分."""
    kept = [e for e in entries if e["部分"] in present]
    return [
        {**e, "序号": i, "首行": i == 1 or kept[i - 2]["部分"] != e["部分"]}
        for i, e in enumerate(kept, 1)
    ]


def basis_text(totals: Totals) -> str:
    """Which figures count the report period and which the 年度 (台账格式 §8)."""
    year, period = totals.year, totals.report_period
    if period is None or year is None or period == year_bounds(year):
        return f"各项数字按{year}年度台账统计。"
    return (
        f"活动、获奖、换届按报告期（{date_cn(period[0])}至{date_cn(period[1])}）统计；"
        f"会员、慰问、走访、医疗互助、会费、捐款和经费按{year}年度台账统计。"
    )


# --- 民主管理 ------------------------------------------------------------------------
def democracy(d: Draft, t: Totals) -> None:
    sentences = []
    term = t.delegates.current if t.delegates else None
    if term is not None and term.count:
        who = d.n(term.count, "名", f"{term.term}教代会代表", (term.rows, f"届次为“{term.term}”"))
        sentences.append(f"{term.term}教代会现有代表{who}")
    if t.proposals is not None and t.proposals.collected:
        sentences.append(proposal_sentence(d, t.proposals))
    if sentences:
        d.paragraphs[d.theme].append("。".join(sentences) + "。")
    if t.organisation is not None and t.organisation.elected:
        where = "换届日期在报告期内"
        d.say(
            d.n(
                t.organisation.elected,
                "个",
                "完成换届的二级工会",
                *each(rows_of(t.organisation.elected_rows), where),
            )
            + "二级单位完成基层工会换届"
        )


def proposal_sentence(d: Draft, p: Proposals) -> str:
    results = dict(p.result_rows)
    text = f"征集提案{d.n(p.collected, '件', '征集的提案', (p.rows, ''))}"
    kinds = (
        ("立案", "立案", p.filed),
        ("转意见建议", "转为意见建议", p.accepted - p.filed),
        ("不予立案", "不予立案", p.rejected),
        ("撤回", "撤回", p.withdrawn),
    )
    parts = [
        f"{label}{d.n(n, '件', f'审查结果为{result}的提案', (results.get(result), f'审查结果为“{result}”'))}"
        for result, label, n in kinds
        if n
    ]
    if parts:
        text += "，其中" + "、".join(parts)
    if not p.filed:
        return text
    grades = dict(p.filed_grade_rows)
    satisfied = p.filed_grade("满意")
    if satisfied == p.filed:
        who = d.n(
            satisfied, "项", "提案人满意的立案提案", (grades.get("满意"), "立案且满意度为“满意”")
        )
        return text + f"，{who}立案提案{'均' if satisfied > 1 else ''}得到提案人的“满意”回复"
    if not p.filed_answered:
        return text + "，立案提案正在办理中"
    answered = d.n(
        p.filed_answered, "项", "已答复的立案提案", (p.filed_answered_rows, "立案且有答复日期")
    )
    text += f"，立案提案已答复{answered}"
    given = [
        f"{grade}{d.n(p.filed_grade(grade), '项', f'提案人{grade}的立案提案', (grades.get(grade), f'立案且满意度为“{grade}”'))}"
        for grade in ("满意", "基本满意", "不满意")
        if p.filed_grade(grade)
    ]
    if given:
        text += "（提案人" + "、".join(given) + "）"
    if p.filed_answered < p.filed:
        text += f"，另有{p.filed - p.filed_answered}项正在办理"
    return text


# --- activities, shared by three themes -----------------------------------------------
def events(t: Totals) -> tuple[Event, ...]:
    return t.activities.events if t.activities else ()


def is_retired(e: Event) -> bool:
    return e.target == RETIRED


def short_name(e: Event, strip: str = "") -> str:
    """The event's name without its series, its session number and `strip` at the end:
    "第三届文体活动月·拔河比赛" → "拔河" (strip 比赛)."""
    name = SESSION.sub("", e.name.strip())
    if e.series and name.startswith(e.series):
        name = name[len(e.series) :].lstrip(SEPARATORS)
    for tail in (strip, strip[-1:]) if strip else ():
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)]
    return name


def named(names: Sequence[str]) -> str:
    distinct = list(dict.fromkeys(names))
    return "、".join(distinct[:NAMES_LISTED])


def event_count(d: Draft, group: Sequence[Event], unit: str, meaning: str, where: str) -> str:
    return d.n(len(group), unit, meaning, *each(rows_of(e.ref for e in group if e.ref), where))


def participants(d: Draft, group: Sequence[Event], unit: str, meaning: str) -> str:
    listed = merge_rows(e.participant_rows for e in group)
    written = rows_of(e.ref for e in group if e.participant_rows is None and e.ref)
    return d.n(
        sum(e.participants for e in group),
        unit,
        meaning,
        *each(listed, "角色为参加或参赛"),
        *each(written, "按“参与人数”计"),
    )


def activity_sentence(d: Draft, group: Sequence[Event], what: str = "活动") -> str:
    """举办A，40人参加 / 举办A、B等3项活动，120人次参加."""
    if len(group) == 1:
        e = group[0]
        who = participants(d, group, "人", f"{e.name}参加人数")
        return f"举办{e.name}，{who}参加"
    names = named([e.name for e in group])
    many = event_count(d, group, "项", f"举办的{what}", "")
    who = participants(d, group, "人次", f"{what}参加人次")
    return f"举办{names}等{many}{what}，{who}参加"


# --- 建功立业 -------------------------------------------------------------------------
def is_work_contest(e: Event) -> bool:
    return any(w in e.name for w in WORK_CONTEST_WORDS)


def achievement(d: Draft, t: Totals) -> None:
    for e in events(t):
        if e.type == "比赛" and not e.series and not is_retired(e) and is_work_contest(e):
            who = participants(d, [e], "人", f"{e.name}参赛人数")
            won = ""
            if e.winners:
                won = d.n(e.winners, "人", f"{e.name}获奖人数", (e.winner_rows, "有名次或奖品"))
                won += "获奖"
            d.say(f"举办{e.name}", f"{who}参赛", won)
    training = [e for e in events(t) if e.type == "培训" and not is_retired(e)]
    if training:
        stems = list(dict.fromkeys(short_name(e) for e in training))
        times = event_count(d, training, "次", "组织的培训", "类型为“培训”")
        what = stems[0] if len(stems) == 1 else f"{named(stems)}等各类培训"
        who = participants(d, training, "人次", "培训参训人次")
        d.say(f"组织参加{what}{times}", f"参训{who}")
    service = [e for e in events(t) if e.type == "志愿服务"]
    if service:
        names = named([short_name(e, "志愿服务") for e in service])
        times = event_count(d, service, "次", "志愿服务活动", "类型为“志愿服务”")
        who = participants(d, service, "人次", "志愿服务参加人次")
        d.say(f"开展{names}等志愿服务{times}", f"{who}参加")


# --- 服务会员 -------------------------------------------------------------------------
def service(d: Draft, t: Totals) -> None:
    retreats = [e for e in events(t) if e.type == "疗休养"]
    if retreats:
        sessions = event_count(d, retreats, "期", "疗休养期数", "类型为“疗休养”")
        who = participants(d, retreats, "人次", "疗休养参加人次")
        d.say(f"开展{sessions}疗休养活动", f"{who}参加")
    visits = t.visits
    if visits is not None and visits.count:
        every = merge_rows(v.rows for v in visits.by_type)
        times = d.n(visits.count, "人次", "会员慰问人次", *each(every))
        money = d.yuan(visits.amount, "会员慰问金额", *each(every, "“金额”一列"))
        kinds = [
            f"{v.type}{d.n(v.count, '人次', f'{v.type}人次', (v.rows, f'类型为“{v.type}”'))}"
            for v in visits.by_type
        ]
        d.say(f"全年开展会员慰问{times}", f"金额合计{money}", "其中" + "、".join(kinds))
    aid = t.mutual_aid
    if aid is not None and (aid.enrolled or aid.claims):
        enrolled = claimed = ""
        if aid.enrolled:
            who = d.n(aid.enrolled, "名", "参加医疗互助的会员", (aid.enrolment_rows, "按工号去重"))
            enrolled = f"{who}会员参加职工医疗互助"
            if aid.subsidy:
                paid = d.yuan(aid.subsidy, "工会补贴参保费", (aid.enrolment_rows, "“工会补贴”一列"))
                enrolled += f"，工会补贴{paid}"
        if aid.claims:
            times = d.n(aid.claims, "人次", "医疗互助给付人次", (aid.claim_rows, ""))
            claimed = f"协助会员办理医疗互助给付{times}"
            if aid.approved:
                given = d.yuan(aid.approved, "医疗互助核定给付", (aid.claim_rows, "“核定金额”一列"))
                claimed += f"，核定给付{given}"
        d.say("；".join(c for c in (enrolled, claimed) if c))
    for name in dict.fromkeys(e.series for e in events(t) if e.series):
        series_sentence(d, name, [e for e in events(t) if e.series == name])
    others = [
        e
        for e in events(t)
        if not e.series
        and not is_retired(e)
        and e.type not in ("疗休养", "培训", "志愿服务")
        and not (e.type == "比赛" and is_work_contest(e))
    ]
    if others:
        d.say(activity_sentence(d, others))


def series_sentence(d: Draft, series: str, group: Sequence[Event]) -> None:
    contests = all(e.type == "比赛" for e in group)
    names = [short_name(e, "比赛" if contests else "") for e in group]
    where = f"系列为“{series}”"
    if len(set(names)) == 1:  # one activity held several times: 月饼DIY（第1场）…
        what = names[0] if names[0].endswith("活动") else f"{names[0]}活动"
        times = event_count(d, group, "场", f"{names[0]}场次", where)
        who = participants(d, group, "人次", f"{names[0]}参加人次")
        d.say(f"开展{what}{times}", f"{who}参加")
        return
    what = "比赛" if contests else "活动"
    many = event_count(d, group, "项", f"{series}{what}项数", where)
    who = participants(d, group, "人次", f"{series}参{'赛' if contests else '加'}人次")
    d.say(f"{series}开展{named(names)}等{many}{what}", f"{who}参{'赛' if contests else '加'}")


# --- 离退休工作 -----------------------------------------------------------------------
def retirees(d: Draft, t: Totals) -> None:
    visits = t.retiree_visits
    if visits is not None and visits.count:
        five = [v for v in visits.by_type if v.type in FIVE_VISITS]
        clauses = []
        if five:
            total = d.n(
                sum(v.count for v in five),
                "人次",
                "“五必访”走访人次",
                *each(merge_rows(v.rows for v in five), "类型为五必访之一"),
            )
            kinds = "、".join(
                f"{v.type}{d.n(v.count, '人次', f'{v.type}走访人次', (v.rows, f'类型为“{v.type}”'))}"
                for v in five
            )
            clauses += [f"开展离退休教职工“五必访”走访{total}", f"其中{kinds}"]
        other = [v for v in visits.by_type if v.type not in FIVE_VISITS]
        for v in other:
            times = d.n(v.count, "人次", "其他走访人次", (v.rows, f"类型为“{v.type}”"))
            clauses.append(f"另有其他走访{times}")
        if visits.amount:
            every = merge_rows(v.rows for v in visits.by_type)
            clauses.append(
                "送去慰问金（品）"
                + d.yuan(visits.amount, "走访慰问金额", *each(every, "“金额”一列"))
            )
        d.say(*clauses)
    outings = [e for e in events(t) if is_retired(e)]
    if outings:
        d.say(activity_sentence(d, outings).replace("举办", "组织", 1))


# --- 自身建设 -------------------------------------------------------------------------
def self_building(d: Draft, t: Totals) -> None:
    m = t.members
    if m is not None and m.current:
        rows = dict(m.status_rows)
        current = [s for s in CURRENT_STATUSES if m.of(s)]
        total = d.n(
            m.current,
            "人",
            "现有会员",
            *each(merge_rows(rows.get(s) for s in current), "状态为在职、退休或离休"),
        )
        parts = "、".join(
            f"{s}{d.n(m.of(s), '人', f'{s}会员', (rows.get(s), f'状态为“{s}”'))}" for s in current
        )
        clauses = [f"现有会员{total}", f"其中{parts}"]
        if m.any_gender and m.women:
            clauses.append(
                "女会员" + d.n(m.women, "人", "女会员", (m.women_rows, "性别为女的现有会员"))
            )
        if m.joined:
            joined = d.n(m.joined, "人", "年内新入会", (m.joined_rows, f"入会日期在{t.year}年"))
            clauses[-1] += f"；{t.year}年新入会{joined}"
        d.say(*clauses)
    dues = t.dues
    if dues is not None and dues.paid:
        d.say("全年收缴会费" + d.yuan(dues.paid, "实缴会费", (dues.rows, "“实缴”一列")))
    awards = t.awards
    if awards is not None and awards.count:
        award_sentences(d, awards.honours)


def award_sentences(d: Draft, honours: Sequence[Honour]) -> None:
    counted = [h for h in honours if h.level]
    levels = [
        f"{level}{d.n(len(of), '项', f'{level}荣誉', *each(rows_of(h.ref for h in of if h.ref)))}"
        for level in AWARD_LEVELS
        if (of := [h for h in counted if h.level == level])
    ]
    total = d.n(len(counted), "项", "各级荣誉", *each(rows_of(h.ref for h in counted if h.ref)))
    clauses = []
    for level in AWARD_LEVELS:
        for subject in ("集体", "个人", "家庭", None):
            group = [h for h in counted if h.level == level and h.subject_type == subject]
            if group:
                clauses.append(award_clause(d, level, subject, group))
    d.paragraphs[d.theme].append(
        f"获得各级荣誉{total}，其中{'、'.join(levels)}。" + "；".join(clauses) + "。"
    )


def award_clause(d: Draft, level: str, subject: str | None, group: Sequence[Honour]) -> str:
    """1个集体荣获“全国巾帼文明岗” / 8户家庭荣获“宁德市抗疫最美家庭” / 3个集体荣获市级荣誉
    （“宁德市巾帼文明岗”2个、“宁德市工人先锋号”1个）."""
    unit, noun = SUBJECT_WORDS.get(subject or "", ("项", ""))
    per_honour: dict[str, list[Honour]] = {}
    for h in group:
        per_honour.setdefault(h.honour or "", []).append(h)
    meaning = f"获{level}荣誉的{subject or '对象'}"
    who = d.n(len(group), unit, meaning, *each(rows_of(h.ref for h in group if h.ref)))
    names = [f"“{name}”" for name in per_honour if name]
    if len(per_honour) == 1:
        return f"{who}{noun}荣获{names[0] if names else f'{level}荣誉'}"
    if all(len(of) == 1 for of in per_honour.values()):
        return f"{who}{noun}分别荣获{''.join(names)}"
    counts = []
    for name, of in per_honour.items():
        shown = f"“{name}”" if name else "其他"
        refs = rows_of(h.ref for h in of if h.ref)
        counts.append(shown + d.n(len(of), unit, f"获{shown}的{subject or '对象'}", *each(refs)))
    return f"{who}{noun}荣获{level}荣誉（{'、'.join(counts)}）"


# --- 经费管理 -------------------------------------------------------------------------
def funds(d: Draft, t: Totals) -> None:
    b = t.budget
    if b is not None and (b.income_total or b.expense_total):
        clauses = [
            "全年经费收入" + d.yuan(b.income_total, "经费收入", (b.income_rows, "“收入”一列")),
            "支出" + d.yuan(b.expense_total, "经费支出", (b.expense_rows, "“支出”一列")),
        ]
        if b.closing_balance is not None:
            clauses.append(
                "年末结余"
                + d.yuan(
                    b.closing_balance,
                    "年末结余（上年结余＋收入－支出）",
                    "“设置”表的上年结余",
                    (b.income_rows, "“收入”一列"),
                    (b.expense_rows, "“支出”一列"),
                )
            )
        d.say(*clauses)
    donations = t.donations
    if donations is not None:
        gifts = [
            f"组织“{c.campaign}”活动，"
            + d.n(
                c.donors,
                "人",
                f"“{c.campaign}”捐款人数",
                (c.donation_rows, "按工号（无工号按姓名）去重"),
            )
            + "参与，捐款"
            + d.yuan(c.amount, f"“{c.campaign}”捐款金额", (c.donation_rows, "“金额”一列"))
            for c in donations.campaigns
            if c.donors
        ]
        if gifts:
            d.paragraphs[d.theme].append("；".join(gifts) + "。")


WRITERS = (democracy, achievement, service, retirees, self_building, funds)
