"""Every rule of 台账格式 §3b: a defect planted in a clean office is found at its cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import unionxl
from tests.part_two_office import FILE, put, tables
from unionxl.checks.run import check_office
from unionxl.loading import office_from_rows

D = dt.date
E, W = "error", "warning"


def found(t: dict[str, list[list[Any]]], **options: Any) -> list[tuple]:
    report = check_office(office_from_rows(t, **options))
    return [(f.file, f.sheet, f.cell, f.rule, f.severity) for f in report.findings]


def at(sheet: str, cell: str | None, rule: str, severity: str = E) -> tuple:
    return (FILE, sheet, cell, rule, severity)


def test_clean_office_has_no_finding() -> None:
    assert found(tables()) == []


Plant = Callable[[dict[str, list[list[Any]]]], None]


def cell(sheet: str, row: int, column: str, value: Any) -> Plant:
    return lambda t: put(t, sheet, row, column, value)


def both(*plants: Plant) -> Plant:
    def plant(t: dict[str, list[list[Any]]]) -> None:
        for p in plants:
            p(t)

    return plant


def add(sheet: str, row: list[Any]) -> Plant:
    return lambda t: t[sheet].append(list(row))


def setting(key: str, value: Any, basis: str | None = None) -> Plant:
    return add("设置", [key, value, basis])


CASES: list[tuple[str, Plant, list[tuple]]] = [
    # --- 活动 ---------------------------------------------------------------------------
    (
        "activity id",
        add(
            "活动",
            [
                "HD-04",
                "网络培训（二）",
                "培训",
                None,
                "校工会",
                D(2023, 5, 4),
                None,
                None,
                180,
                None,
            ],
        ),
        [at("活动", "A6", "activity.id.duplicate")],
    ),
    (
        "activity end before start",
        cell("活动", 2, "结束日期", D(2023, 4, 9)),
        [at("活动", "G2", "activity.date.order")],
    ),
    (
        "activity outside period",
        cell("活动", 5, "开始日期", D(2023, 7, 3)),
        [at("活动", "F5", "activity.period", W)],
    ),
    (
        "outing over two days",
        cell("活动", 4, "结束日期", D(2022, 10, 27)),
        [at("活动", "G4", "activity.outing.days")],
    ),
    (
        "retreat too long",
        both(setting("疗休养最长天数", 4)),
        [at("活动", "G2", "activity.retreat.days")],
    ),
    (
        "participants count",
        cell("活动", 3, "参与人数", 5),
        [at("活动", "I3", "activity.participants.count", W)],
    ),
    (
        "winners over 2/3",
        both(cell("活动参与", 5, "名次", "二等奖"), cell("活动参与", 6, "奖品金额", 50)),
        [at("活动", "A3", "activity.winners.ratio")],
    ),
    # --- 活动参与 -------------------------------------------------------------------------
    (
        "participant activity",
        cell("活动参与", 2, "活动编号", "HD-99"),
        [
            at("活动", "I2", "activity.participants.count", W),
            at("活动参与", "A2", "participant.activity.unknown"),
        ],
    ),
    (
        "participant unknown",
        both(cell("活动参与", 9, "工号", "0999")),
        [at("活动参与", "B9", "participant.member.unknown")],
    ),
    (
        "participant name",
        cell("活动参与", 9, "姓名", "李斯"),
        [at("活动参与", "C9", "participant.member.name")],
    ),
    (
        "family souvenir",
        cell("活动参与", 7, "纪念品金额", 30),
        [at("活动参与", "G7", "participant.family.prize")],
    ),
    (
        "family prize",
        cell("活动参与", 7, "奖品金额", 20),
        [at("活动参与", "F7", "participant.family.prize")],
    ),
    (
        "souvenir over 100",
        cell("活动参与", 4, "纪念品金额", 120),
        [at("活动参与", "G4", "participant.souvenir.cap")],
    ),
    (
        "prize over its cap",
        both(setting("奖品上限", 80)),
        [at("活动参与", "F4", "participant.prize.cap")],
    ),
    (
        "participant twice",
        add("活动参与", ["HD-01", "0101", "张三", "参加", None, None, None, None]),
        [
            at("活动", "I2", "activity.participants.count", W),
            at("活动参与", "B10", "participant.duplicate", W),
        ],
    ),
    (
        "retired on a retreat",
        add("活动参与", ["HD-01", "0102", "李四", "参加", None, None, None, "李四"]),
        [
            at("活动", "I2", "activity.participants.count", W),
            at("活动参与", "B10", "participant.target"),
        ],
    ),
    (
        "in service on a retirees' outing",
        cell("活动参与", 9, "工号", "0104"),
        [
            at("活动参与", "C9", "participant.member.name"),
            at("活动参与", "B9", "participant.target"),
        ],
    ),
    # --- 走访 ---------------------------------------------------------------------------
    (
        "retiree unknown",
        cell("走访", 2, "工号", "0999"),
        [at("走访", "B2", "retiree.member.unknown")],
    ),
    ("retiree name", cell("走访", 2, "姓名", "李斯"), [at("走访", "C2", "retiree.member.name")]),
    (
        "retiree in service",
        both(cell("走访", 2, "工号", "0101"), cell("走访", 2, "姓名", "张三")),
        [at("走访", "B2", "retiree.status")],
    ),
    (
        "retiree year",
        cell("走访", 3, "日期", D(2022, 12, 30)),
        [at("走访", "A3", "retiree.date.year")],
    ),
    (
        "retiree closed before",
        cell("走访", 3, "办结日期", D(2023, 5, 1)),
        [at("走访", "I3", "retiree.closed.order")],
    ),
    # --- 医疗互助参保 ----------------------------------------------------------------------
    (
        "enrol unknown",
        cell("医疗互助参保", 2, "工号", "0999"),
        [
            at("医疗互助参保", "D2", "mutual.enrol.member.unknown"),
            at("医疗互助理赔", "E2", "mutual.claim.enrolment"),
        ],
    ),
    (
        "enrol name",
        cell("医疗互助参保", 2, "姓名", "张珊"),
        [at("医疗互助参保", "E2", "mutual.enrol.member.name")],
    ),
    (
        "enrol end before start",
        cell("医疗互助参保", 4, "结束日期", D(2021, 12, 31)),
        [at("医疗互助参保", "B4", "mutual.enrol.date.order")],
    ),
    (
        "enrol overlap",
        add(
            "医疗互助参保",
            [D(2023, 7, 1), D(2024, 6, 30), "住院医疗互助", "0101", "张三", 1, 60, 30],
        ),
        [at("医疗互助参保", "A5", "mutual.enrol.overlap")],
    ),
    # --- 医疗互助理赔 ----------------------------------------------------------------------
    (
        "claim id",
        cell("医疗互助理赔", 3, "编号", "HZ-001"),
        [at("医疗互助理赔", "A3", "mutual.claim.id.duplicate")],
    ),
    (
        "claim unknown",
        cell("医疗互助理赔", 2, "工号", "0999"),
        [
            at("医疗互助理赔", "B2", "mutual.claim.member.unknown"),
            at("医疗互助理赔", "E2", "mutual.claim.enrolment"),
        ],
    ),
    (
        "claim name",
        cell("医疗互助理赔", 2, "姓名", "张珊"),
        [at("医疗互助理赔", "C2", "mutual.claim.member.name")],
    ),
    (
        "claim discharged before",
        cell("医疗互助理赔", 2, "出院日期", D(2023, 3, 1)),
        [at("医疗互助理赔", "F2", "mutual.claim.date.order")],
    ),
    (
        "claim days",
        cell("医疗互助理赔", 2, "住院天数", 8),
        [at("医疗互助理赔", "G2", "mutual.claim.days")],
    ),
    (
        "claim not enrolled",
        both(
            cell("医疗互助理赔", 3, "入院日期", D(2022, 12, 30)),
            cell("医疗互助理赔", 3, "出院日期", D(2023, 1, 1)),
        ),
        [at("医疗互助理赔", "E3", "mutual.claim.enrolment")],
    ),
    (
        "claim over own share",
        cell("医疗互助理赔", 2, "核定金额", 4000.01),
        [at("医疗互助理赔", "J2", "mutual.claim.approved")],
    ),
    # --- 会费 ---------------------------------------------------------------------------
    (
        "dues unknown",
        both(cell("会费", 4, "工号", "0999")),
        [at("会费", "B4", "dues.member.unknown")],
    ),
    (
        "dues month year",
        both(cell("会费", 3, "月份", "2022年12月")),
        [at("会费", None, "dues.ledger", W), at("会费", "A3", "dues.month.year")][::-1],
    ),
    (
        "dues twice",
        both(add("会费", ["2023-01", "0101", "张三", 8005, 40, 0])),
        [at("会费", "B5", "dues.duplicate"), at("会费", "F5", "dues.paid", W)],
    ),
    (
        "dues wrong",
        cell("会费", 4, "应缴", 32.2),
        [at("会费", "E4", "dues.due"), at("会费", "F4", "dues.paid", W)],
    ),
    (
        "dues paid short",
        both(cell("会费", 3, "实缴", 39.99), cell("收支明细", 2, "收入", 112.14)),
        [at("会费", "F3", "dues.paid", W)],
    ),
    (
        "dues not in ledger",
        cell("收支明细", 2, "收入", 112.16),
        [at("会费", None, "dues.ledger", W)],
    ),
    # --- 代表 and 提案 -----------------------------------------------------------------------
    (
        "delegate unknown",
        cell("代表", 4, "工号", "0999"),
        [
            at("代表", "B4", "delegate.member.unknown"),
            at("提案", "K3", "proposal.seconder.delegate"),
        ],
    ),
    (
        "delegate twice",
        add("代表", ["二届", "0101", "张三", "机关"]),
        [at("代表", "B5", "delegate.duplicate")],
    ),
    (
        "proposer not a delegate (工号)",
        cell("提案", 2, "提案人工号", "0102"),
        [at("提案", "J2", "proposal.proposer.delegate")],
    ),
    (
        "proposer not a delegate (name)",
        cell("提案", 3, "提案人", "李四"),
        [at("提案", "C3", "proposal.proposer.delegate")],
    ),
    (
        "seconder not a delegate",
        cell("提案", 2, "附议人", "王五、李四"),
        [at("提案", "K2", "proposal.seconder.delegate")],
    ),
    (
        "seconder is the proposer",
        cell("提案", 2, "附议人", "王五，张三;赵六"),
        [at("提案", "K2", "proposal.seconder.proposer")],
    ),
    (
        "too few seconders",
        cell("提案", 3, "附议人", "0101"),
        [at("提案", "K3", "proposal.seconders.count", W)],
    ),
    # --- 部门 ---------------------------------------------------------------------------
    ("chair retired", cell("部门", 3, "主席", "0102"), [at("部门", "C3", "department.chair")]),
    (
        "chair of another 部门",
        cell("部门", 3, "主席", "0104"),
        [at("部门", "C3", "department.chair")],
    ),
    (
        "election in the future",
        cell("部门", 2, "换届日期", D(2999, 4, 1)),
        [at("部门", "D2", "department.election.future")],
    ),
    (
        "term run out",
        cell("部门", 3, "换届日期", D(2018, 5, 1)),
        [at("部门", "D3", "department.term.expired", W)],
    ),
    (
        "term run out (届期 3)",
        cell("部门", 3, "届期", 2),
        [at("部门", "D3", "department.term.expired", W)],
    ),
    # a 届期 past the calendar's end (typed as 1e12) ends no term, and crashes nothing
    ("absurd 届期", cell("部门", 3, "届期", 10**12), []),
    # --- 慰问登记, added ---------------------------------------------------------------------
    (
        "festival kinds together over the cap",
        add(
            "慰问登记",
            [
                D(2023, 6, 10),
                "0101",
                "张三",
                "节日慰问",
                401,
                "慰问品",
                "王五",
                "端午",
                "张三",
                "工会经费",
            ],
        ),
        [at("慰问登记", "E3", "visit.festival.total")],
    ),  # crossed in date order: 中秋
    (
        "visit before joining",
        cell("会员", 2, "入会日期", D(2023, 2, 1)),
        [at("慰问登记", "A2", "visit.before_joining")],
    ),
    ("unsigned", cell("慰问登记", 3, "签收", None), [at("慰问登记", "I3", "visit.signature")]),
    (
        "festival over income share",
        setting("节日慰问占收入比例上限", "10%"),
        [at("慰问登记", None, "visit.festival.income", W)],
    ),
    # --- 收支明细, added ---------------------------------------------------------------------
    (
        "eight rules word",
        cell("收支明细", 3, "摘要", "购买购物卡发放"),
        [at("收支明细", "D3", "ledger.eight_rules", W)],
    ),
    (
        "employer's cost",
        cell("收支明细", 3, "摘要", "教职工体检费"),
        [at("收支明细", "D3", "ledger.employer_cost", W)],
    ),
    # --- 获奖 ---------------------------------------------------------------------------
    (
        "award outside period",
        cell("获奖", 2, "日期", D(2022, 5, 31)),
        [at("获奖", "G2", "award.period", W)],
    ),
]


@pytest.mark.parametrize(("plant", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(plant: Plant, expected: list[tuple]) -> None:
    t = tables()
    plant(t)
    assert sorted(found(t), key=str) == sorted(expected, key=str)


# --- policy (台账格式 §8) changes what the rules say --------------------------------------


def winners(t: dict[str, list[list[Any]]], n: int) -> None:
    """n of HD-02's three contestants win a prize."""
    for row in (4, 5, 6)[:n]:
        put(t, "活动参与", row, "名次", "优胜奖")


@pytest.mark.parametrize(
    ("ratio", "won", "flagged"),
    [("2/3", 2, False), ("2/3", 3, True), ("1/3", 1, False), ("1/3", 2, True), ("66.7%", 2, False)],
)
def test_winner_ratio_follows_policy(ratio: str, won: int, flagged: bool) -> None:
    t = tables()
    winners(t, won)
    setting("获奖比例上限", ratio, "本校工会〔2023〕5号")(t)
    hits = [
        f for f in check_office(office_from_rows(t)).findings if f.rule == "activity.winners.ratio"
    ]
    assert bool(hits) == flagged
    if flagged:
        assert hits[0].cell == "A3" and hits[0].basis == "本校工会〔2023〕5号"
        assert "本校工会〔2023〕5号" in hits[0].message
        assert hits[0].to_dict()["basis"] == "本校工会〔2023〕5号"


def test_default_ratio_names_its_builtin_basis() -> None:
    t = tables()
    winners(t, 3)
    (hit,) = [
        f for f in check_office(office_from_rows(t)).findings if f.rule == "activity.winners.ratio"
    ]
    assert hit.basis and "2/3" in hit.basis


def test_souvenir_cap_follows_policy() -> None:
    t = tables()
    setting("纪念品上限", 20)(t)
    assert [c for c in found(t) if c[3] == "participant.souvenir.cap"] == [
        at("活动参与", f"G{r}", "participant.souvenir.cap") for r in (4, 5, 6)
    ]
    t = tables()
    put(t, "活动参与", 4, "纪念品金额", 100)  # the default cap of 100 is not exceeded
    assert found(t) == []


def test_festival_cap_in_settings_covers_every_festival_kind() -> None:
    t = tables()
    setting("节日慰问每人每年上限", 800, "本校工会〔2023〕5号")(t)
    report = check_office(office_from_rows(t))
    (hit,) = report.findings
    assert (hit.cell, hit.rule, hit.severity) == ("E3", "visit.festival.total", E)
    assert hit.basis == "本校工会〔2023〕5号" and "800.00" in hit.message


def test_festival_cap_defaults_to_the_standard_row_with_its_basis() -> None:
    t = tables()
    put(t, "慰问登记", 3, "金额", 801)  # 500 + 801 > 1300
    (hit,) = check_office(office_from_rows(t)).findings
    assert hit.rule == "visit.festival.total" and hit.basis == "闽工〔2018〕158号"
    assert hit.message.endswith("（依据：闽工〔2018〕158号）")


def test_festival_cap_crossed_on_the_way_is_found_though_a_later_refund_undoes_it() -> None:
    # 500 (春节) + 801 (中秋) = 1301 > 1300 at row 3; a -100 row after it brings the year's
    # total under the cap: the crossing is still a finding (the refund is one itself).
    t = tables()
    put(t, "慰问登记", 3, "金额", 801)
    t["慰问登记"].append(
        [D(2023, 12, 20), "0101", "张三", "节日慰问", -100, "慰问品", "王五", "元旦", "张三", None]
    )
    rules = {(f.cell, f.rule) for f in check_office(office_from_rows(t)).findings}
    assert ("E3", "visit.festival.total") in rules
    assert ("E4", "value.negative") in rules


def test_yearly_cap_findings_cite_the_standard() -> None:
    t = tables()
    t["慰问登记"].append(
        [D(2023, 3, 12), "0101", "张三", "生日慰问", 300, "慰问品", "王五", "生日", "张三", None]
    )
    t["慰问登记"].append(
        [D(2023, 3, 13), "0101", "张三", "生日慰问", 10, "慰问品", "王五", "生日", "张三", None]
    )
    by_rule = {f.rule: f for f in check_office(office_from_rows(t)).findings}
    assert by_rule["visit.cap.year"].basis == "闽工〔2018〕158号"
    assert "依据：闽工〔2018〕158号" in by_rule["visit.cap.year"].message
    assert "basis" not in by_rule["visit.birthday.repeat"].to_dict()


def test_word_list_replaces_the_builtin_one() -> None:
    t = tables()
    put(t, "收支明细", 3, "摘要", "购物卡及茶叶")
    assert [c[3] for c in found(t)] == ["ledger.eight_rules"]
    t["词表"] = [["类别", "词", "依据"], ["八项规定", "茶叶", "本校纪委〔2023〕1号"]]
    (hit,) = check_office(office_from_rows(t)).findings
    assert (hit.cell, hit.rule) == ("D3", "ledger.eight_rules")
    assert "茶叶" in hit.message and hit.basis == "本校纪委〔2023〕1号"


def test_bad_dues_ratio_is_a_finding_at_its_cell_and_the_default_stands() -> None:
    t = tables()
    setting("会费比例", "abc")(t)
    assert found(t) == [at("设置", "B7", "settings.value")]
    put(t, "会费", 2, "应缴", 80)  # wrong under 0.5%, the default that stands
    assert at("会费", "E2", "dues.due") in found(t)


def test_dues_ratio_changes_the_due_amount() -> None:
    t = tables()
    setting("会费比例", "1%")(t)
    hits = [c for c in found(t) if c[3] == "dues.due"]
    assert hits == [at("会费", "E2", "dues.due"), at("会费", "E4", "dues.due")]


def test_hospital_days_including_the_day_of_admission() -> None:
    t = tables()
    setting("住院天数含入院当日", "是")(t)
    assert [c[2:4] for c in found(t)] == [("G2", "mutual.claim.days"), ("G3", "mutual.claim.days")]
    for row, days in ((2, 8), (3, 3)):
        put(t, "医疗互助理赔", row, "住院天数", days)
    assert found(t) == []


def test_retreat_cap_unset_is_unchecked() -> None:
    t = tables()
    put(t, "活动", 2, "结束日期", D(2023, 4, 30))
    assert found(t) == []
    setting("疗休养最长天数", 20)(t)
    assert found(t) == [at("活动", "G2", "activity.retreat.days")]


# --- cells as offices type them -------------------------------------------------------


def test_text_dates_fullwidth_amounts_and_serials() -> None:
    t = tables()
    put(t, "医疗互助理赔", 2, "入院日期", "2023年3月5日")
    put(t, "医疗互助理赔", 2, "出院日期", "2023/3/12")
    put(t, "医疗互助理赔", 2, "住院天数", "７")
    put(t, "医疗互助理赔", 2, "核定金额", "２,０００.００")
    put(t, "走访", 2, "日期", 44938)  # 2023-01-12 as a serial
    put(t, "会费", 4, "实缴", "￥32.15")
    assert found(t) == []
    put(t, "医疗互助理赔", 2, "住院天数", "８")
    assert found(t) == [at("医疗互助理赔", "G2", "mutual.claim.days")]


@pytest.mark.parametrize(
    "month",
    ["2023-01", "2023年1月", "2023/1", "２０２３年１月", D(2023, 1, 31), 44957, "2023-01-15"],
)
def test_month_forms(month: Any) -> None:
    t = tables()
    put(t, "会费", 3, "月份", month)  # the same month as row 2: a repeat
    assert found(t) == [at("会费", "B3", "dues.duplicate")]


def test_bad_month_is_a_type_finding() -> None:
    t = tables()
    put(t, "会费", 3, "月份", "2023年13月")
    # an unreadable month is in no year: its 实缴 is missing from the year's sum
    assert found(t) == [at("会费", "A3", "value.type"), at("会费", None, "dues.ledger", W)]


@pytest.mark.parametrize(
    "seconders",
    [
        "王五、赵六",
        "王五，赵六",
        "王五,赵六",
        "王五;赵六",
        "王五；赵六",
        "王五 赵六",
        "王五\u3000赵六",
        "0103、0104",
    ],
)
def test_seconders_split_on_every_separator(seconders: str) -> None:
    t = tables()
    put(t, "提案", 2, "附议人", seconders)
    assert found(t) == []
    put(t, "提案", 2, "附议人", seconders.replace("赵六", "李四").replace("0104", "0102"))
    assert found(t) == [at("提案", "K2", "proposal.seconder.delegate")]


def test_money_amounts_are_exact() -> None:
    t = tables()
    put(t, "会费", 4, "工资基数", 6439.99)  # floor to 6430: 32.15
    assert found(t) == []
    put(t, "会费", 4, "工资基数", 6440)  # 32.20
    assert at("会费", "E4", "dues.due") in found(t)


# --- through real workbooks ------------------------------------------------------------


def test_findings_in_workbooks(make_office: Callable[..., Any]) -> None:
    t = tables()
    put(t, "医疗互助理赔", 2, "住院天数", 9)
    put(t, "活动", 4, "结束日期", D(2022, 10, 28))
    put(t, "走访", 2, "工号", "0101")
    put(t, "走访", 2, "姓名", "张三")
    books = {
        "设置": "经费.xlsx",
        "收支明细": "经费.xlsx",
        "部门": "会员名册.xlsx",
        "会员": "会员名册.xlsx",
        "慰问标准": "慰问.xlsx",
        "慰问登记": "慰问.xlsx",
        "活动": "活动.xlsx",
        "活动参与": "活动.xlsx",
        "走访": "离退休走访.xlsx",
        "医疗互助参保": "医疗互助.xlsx",
        "医疗互助理赔": "医疗互助.xlsx",
        "会费": "会费.xlsx",
        "代表": "提案.xlsx",
        "提案": "提案.xlsx",
        "获奖": "获奖.xlsx",
    }
    folder = make_office({sheet: (books[sheet], rows) for sheet, rows in t.items()})
    report = unionxl.check(folder)
    assert sorted((f.file, f.sheet, f.cell, f.rule, f.severity) for f in report.findings) == [
        ("医疗互助.xlsx", "医疗互助理赔", "G2", "mutual.claim.days", E),
        ("活动.xlsx", "活动", "G4", "activity.outing.days", E),
        ("离退休走访.xlsx", "走访", "B2", "retiree.status", E),
    ]


def test_check_json_carries_basis_only_when_set(make_office: Callable[..., Any]) -> None:
    import json
    import subprocess
    import sys

    t = tables()
    put(t, "慰问登记", 3, "金额", 900)  # 春节 500 + 中秋 900 > 1300 (节日慰问)
    put(t, "走访", 3, "日期", D(2022, 12, 1))  # a finding made under no policy value
    folder = make_office({sheet: ("台账.xlsx", rows) for sheet, rows in t.items()})
    done = subprocess.run(
        [sys.executable, "-m", "unionxl", "check", str(folder), "--json"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    findings = {f["rule"]: f for f in json.loads(done.stdout.decode("utf-8"))["findings"]}
    assert findings["visit.festival.total"]["basis"] == "闽工〔2018〕158号"
    assert findings["visit.festival.total"]["cell"] == "E3"
    assert "（依据：闽工〔2018〕158号）" in findings["visit.festival.total"]["message"]
    assert "basis" not in findings["retiree.date.year"]
