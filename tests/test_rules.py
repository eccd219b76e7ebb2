"""Every rule of 台账格式 §3: plant one defect in the clean office, assert exactly what is found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from conftest import ID_FEMALE, ID_MALE, cells, clean_tables

import unionxl
from unionxl.model.idcard import check_digit

D = dt.date
M, F, B, L, V, P, C = (
    "会员名册.xlsx",
    "经费.xlsx",
    "经费.xlsx",
    "经费.xlsx",
    "慰问.xlsx",
    "提案.xlsx",
    "捐款.xlsx",
)


def setcell(sheet: str, row: int, column: str, value) -> Callable[[dict], None]:
    """Mutation: set Excel cell (row 1 = header) of `sheet` to `value`."""

    def apply(tables: dict) -> None:
        rows = tables[sheet][1]
        index = ord(column) - ord("A")
        target = rows[row - 1]
        while len(target) <= index:
            target.append(None)
        target[index] = value

    return apply


def addrow(sheet: str, values: list) -> Callable[[dict], None]:
    def apply(tables: dict) -> None:
        tables[sheet][1].append(list(values))

    return apply


def both(*mutations: Callable[[dict], None]) -> Callable[[dict], None]:
    def apply(tables: dict) -> None:
        for m in mutations:
            m(tables)

    return apply


def run(make_office, mutate):
    tables = clean_tables()
    mutate(tables)
    return unionxl.check(make_office(tables))


def test_clean_office_has_no_findings(make_office):
    report = unionxl.check(make_office())
    assert report.to_dict()["findings"] == []
    assert report.exit_code == 0
    assert report.to_dict()["summary"] == {"errors": 0, "warnings": 0, "files": 6, "rows": 23}


CASES = [
    # --- generic ---------------------------------------------------------------
    (
        "required empty",
        setcell("会员", 2, "B", None),
        [(M, "会员", "B2", "value.required", "error")],
    ),
    (
        "wrong type date",
        setcell("收支明细", 2, "A", "三月一日"),
        [(L, "收支明细", "A2", "value.type", "error")],
    ),
    ("not in list", setcell("会员", 2, "H", "在岗"), [(M, "会员", "H2", "value.type", "error")]),
    (
        "negative amount",
        setcell("预算", 2, "C", -5),
        [(B, "预算", "C2", "value.negative", "error")],
    ),
    (
        "three decimals",
        setcell("收支明细", 2, "E", 400.123),
        [(L, "收支明细", "E2", "value.type", "error")],
    ),
    (
        "key spaces",
        setcell("部门", 3, "A", "机关 "),
        [(M, "部门", "A3", "value.spaces", "warning")],
    ),
    (
        "row repeated",
        addrow(
            "提案", ["2023-02", "关于增加停车位的建议", "李四", 1, "转意见建议", None, None, None]
        ),
        [
            (P, "提案", "A4", "proposal.id.duplicate", "error"),
            (P, "提案", "4", "row.duplicate", "warning"),
        ],
    ),
    # --- 会员 ----------------------------------------------------------------------
    (
        "id duplicate",
        setcell("会员", 3, "A", "0101"),
        [
            (M, "会员", "A3", "member.id.duplicate", "error"),
            (C, "捐款明细", "B3", "donation.member.unknown", "error"),
        ],
    ),
    (
        "idcard number",
        setcell("会员", 2, "D", 350902198503121000),
        [(M, "会员", "D2", "member.idcard.number", "error")],
    ),
    (
        "idcard length",
        setcell("会员", 2, "D", "3509021985031212"),
        [(M, "会员", "D2", "member.idcard.format", "error")],
    ),
    (
        "idcard checksum",
        setcell("会员", 2, "D", ID_MALE[:17] + "5"),
        [(M, "会员", "D2", "member.idcard.checksum", "error")],
    ),
    (
        "idcard province",
        setcell("会员", 2, "D", "99090219850312123" + check_digit("99090219850312123")),
        [(M, "会员", "D2", "member.idcard.province", "error")],
    ),
    (
        "idcard old",
        setcell("会员", 2, "D", "350902850312123"),
        [(M, "会员", "D2", "member.idcard.old", "warning")],
    ),
    (
        "idcard birth",
        setcell("会员", 2, "E", D(1985, 3, 13)),
        [(M, "会员", "D2", "member.idcard.birthdate", "error")],
    ),
    (
        "idcard gender",
        setcell("会员", 2, "C", "女"),
        [(M, "会员", "D2", "member.idcard.gender", "error")],
    ),
    (
        "idcard duplicate",
        both(
            setcell("会员", 3, "D", ID_MALE),
            setcell("会员", 3, "E", D(1985, 3, 12)),
            setcell("会员", 3, "C", "男"),
        ),
        [(M, "会员", "D3", "member.idcard.duplicate", "error")],
    ),
    (
        "department unknown",
        setcell("会员", 2, "F", "化学学院"),
        [(M, "会员", "F2", "member.department.unknown", "error")],
    ),
    (
        "joined before 16",
        setcell("会员", 2, "G", D(2000, 1, 1)),
        [(M, "会员", "G2", "member.join_date", "error")],
    ),
    (
        "joined in future",
        setcell("会员", 2, "G", D(2099, 1, 1)),
        # 张三's 慰问 of 2023 now come before his 入会日期 (台账格式 §3b)
        [(M, "会员", "G2", "member.join_date", "error")]
        + [(V, "慰问登记", f"A{r}", "visit.before_joining", "error") for r in (2, 3)],
    ),
    (
        "phone",
        setcell("会员", 2, "I", "2381234567"),
        [(M, "会员", "I2", "member.phone", "warning")],
    ),
    # --- 预算 / 收支明细 --------------------------------------------------------------
    (
        "ledger year",
        setcell("收支明细", 2, "A", D(2022, 12, 31)),
        [(L, "收支明细", "A2", "ledger.date.year", "error")],
    ),
    (
        "both sides",
        setcell("收支明细", 2, "F", 10),
        [(L, "收支明细", "E2", "ledger.amount.one_side", "error")],
    ),
    (
        "no side",
        setcell("收支明细", 2, "E", None),
        [(L, "收支明细", "E2", "ledger.amount.one_side", "error")],
    ),
    (
        "ledger account unknown",
        setcell("收支明细", 2, "C", "会费"),
        [(L, "收支明细", "C2", "ledger.account.unknown", "error")],
    ),
    (
        "wrong side",
        setcell("收支明细", 2, "C", "职工服务支出"),
        [(L, "收支明细", "E2", "ledger.account.side", "error")],
    ),
    (
        "budget repeated",
        addrow("预算", ["会费收入", "收入", 100]),
        [(B, "预算", "A4", "budget.account.duplicate", "error")],
    ),
    (
        "budget unknown",
        setcell("预算", 2, "A", "会费"),
        [(B, "预算", "A2", "budget.account.unknown", "error")],
    ),
    (
        "overspent",
        setcell("收支明细", 3, "F", 300.01),
        [(B, "预算", "C3", "budget.overspent", "warning")],
    ),
    (
        "pass-through",
        setcell("收支明细", 2, "D", "慈善一日捐代收"),
        [(L, "收支明细", "D2", "ledger.passthrough", "warning")],
    ),
    (
        "medical pass-through",
        setcell("收支明细", 3, "D", "职工医疗互助缴费"),
        [(L, "收支明细", "D3", "ledger.passthrough", "warning")],
    ),
    # --- 捐款 ------------------------------------------------------------------------
    (
        "campaign unknown",
        setcell("捐款明细", 2, "A", "慈善一日"),
        [
            (C, "捐款明细", "A2", "donation.campaign.unknown", "error"),
            (C, "捐款活动", "D2", "donation.received.mismatch", "error"),
        ],
    ),
    (
        "donation zero",
        both(setcell("捐款明细", 2, "E", 0), setcell("捐款活动", 2, "D", 200)),
        [(C, "捐款明细", "E2", "donation.amount", "error")],
    ),
    (
        "donor unknown",
        setcell("捐款明细", 2, "B", "0999"),
        [(C, "捐款明细", "B2", "donation.member.unknown", "error")],
    ),
    (
        "donor name",
        setcell("捐款明细", 2, "C", "张叁"),
        [(C, "捐款明细", "C2", "donation.member.name", "error")],
    ),
    (
        "donation date",
        setcell("捐款明细", 2, "F", D(2023, 6, 1)),
        [(C, "捐款明细", "F2", "donation.date", "warning")],
    ),
    (
        "donor twice",
        both(setcell("捐款明细", 3, "B", "0101"), setcell("捐款明细", 3, "C", "张三")),
        [(C, "捐款明细", "B3", "donation.duplicate", "warning")],
    ),
    (
        "received mismatch",
        setcell("捐款活动", 2, "D", 299.99),
        [(C, "捐款活动", "D2", "donation.received.mismatch", "error")],
    ),
    (
        "non-member donor is fine",
        addrow("捐款明细", ["慈善一日捐", None, "校友王某", None, 50, D(2023, 5, 12)]),
        [(C, "捐款活动", "D2", "donation.received.mismatch", "error")],
    ),
    # --- 慰问 -------------------------------------------------------------------------
    (
        "visit member unknown",
        setcell("慰问登记", 2, "B", "0999"),
        [(V, "慰问登记", "B2", "visit.member.unknown", "error")],
    ),
    (
        "visit name",
        setcell("慰问登记", 2, "C", "张叁"),
        [(V, "慰问登记", "C2", "visit.member.name", "error")],
    ),
    (
        "visit type unknown",
        setcell("慰问登记", 3, "D", "生日"),
        [(V, "慰问登记", "D3", "visit.type.unknown", "error")],
    ),
    (
        "visit each cap",
        setcell("慰问登记", 3, "E", 301),
        [
            (V, "慰问登记", "E3", "visit.cap.each", "error"),
            (V, "慰问登记", "E3", "visit.cap.year", "error"),
        ],
    ),
    (
        "visit yearly cap",
        both(
            addrow(
                "慰问登记",
                [D(2023, 6, 10), "0101", "张三", "节日慰问", 500, "慰问品", "王五", "端午"],
            ),
            addrow(
                "慰问登记",
                [D(2023, 9, 20), "0101", "张三", "节日慰问", 400, "慰问品", "王五", "中秋"],
            ),
        ),
        [(V, "慰问登记", "E5", "visit.cap.year", "error")],
    ),
    (
        "visit target",
        setcell("慰问登记", 3, "B", "0102"),
        [
            (V, "慰问登记", "C3", "visit.member.name", "error"),
            (V, "慰问登记", "D3", "visit.target", "error"),
        ],
    ),
    (
        "festival cash",
        setcell("慰问登记", 2, "F", "购物卡"),
        [(V, "慰问登记", "F2", "visit.festival.form", "error")],
    ),
    (
        "birthday twice",
        addrow(
            "慰问登记", [D(2023, 4, 1), "0101", "张三", "生日慰问", 0, "慰问品", "王五", "补发"]
        ),
        [(V, "慰问登记", "D4", "visit.birthday.repeat", "error")],
    ),
    (
        "festival date",
        setcell("慰问登记", 2, "A", D(2023, 3, 1)),
        [(V, "慰问登记", "A2", "visit.festival.date", "warning")],
    ),
    (
        "visit year",
        setcell("慰问登记", 3, "A", D(2024, 3, 12)),
        [(V, "慰问登记", "A3", "visit.date.year", "error")],
    ),
    # --- 提案 -------------------------------------------------------------------------
    (
        "proposal id",
        setcell("提案", 3, "A", "2023-01"),
        [(P, "提案", "A3", "proposal.id.duplicate", "error")],
    ),
    (
        "filed without department",
        setcell("提案", 2, "F", None),
        [(P, "提案", "F2", "proposal.filed.department", "error")],
    ),
    (
        "reply without satisfaction",
        setcell("提案", 2, "H", None),
        [(P, "提案", "H2", "proposal.reply.satisfaction", "warning")],
    ),
    (
        "few seconders",
        setcell("提案", 2, "D", 1),
        [(P, "提案", "D2", "proposal.seconders", "warning")],
    ),
]


@pytest.mark.parametrize("name,mutate,expected", CASES, ids=[c[0] for c in CASES])
def test_rule(make_office, name, mutate, expected):
    report = run(make_office, mutate)
    found = sorted(cells(report), key=str)
    want = sorted(
        ((f, s, None if c.isdigit() else c, r, sev) for f, s, c, r, sev in expected), key=str
    )
    assert found == want


def test_whole_row_finding_has_row_but_no_column(make_office):
    report = run(
        make_office, addrow("获奖", [2023, "福建省模范职工之家", "省级", "测试学院工会", "集体"])
    )
    (finding,) = report.findings
    assert (finding.row, finding.column, finding.cell, finding.rule) == (
        3,
        None,
        None,
        "row.duplicate",
    )
    assert "第 2 行" in finding.message


def test_message_names_what_is_right(make_office):
    report = run(make_office, setcell("会员", 2, "D", ID_MALE[:17] + "5"))
    assert report.findings[0].message == f"身份证号校验位错误：应为 {ID_MALE[17]}"


def test_lower_case_x_is_accepted(make_office):
    number = "11010519491231002X"  # a valid number ending in X
    tables = clean_tables()
    tables["会员"][1][2][3] = number.lower()
    tables["会员"][1][2][4] = D(1949, 12, 31)
    assert unionxl.check(make_office(tables)).findings == []


def test_female_id_in_fixture_is_valid():
    from unionxl.model.idcard import check_digit, sex

    assert check_digit(ID_FEMALE[:17]) == ID_FEMALE[17] and sex(ID_FEMALE) == "女"


def test_yearly_cap_is_crossed_in_date_order_not_sheet_order(make_office):
    tables = clean_tables()
    rows = tables["慰问登记"][1]
    # Sheet order: 中秋 (Sep) first, then 春节 (Jan, already row 2) and 端午 (Jun).
    rows.insert(1, [D(2023, 9, 20), "0101", "张三", "节日慰问", 400, "慰问品", "王五", "中秋"])
    rows.append([D(2023, 6, 10), "0101", "张三", "节日慰问", 500, "慰问品", "王五", "端午"])
    report = unionxl.check(make_office(tables))
    # Jan 500 + Jun 500 + Sep 400 = 1400 > 1300: the September row (Excel row 2) crosses.
    assert cells(report) == [(V, "慰问登记", "E2", "visit.cap.year", "error")]
    assert "1,400.00" in report.findings[0].message


def test_yearly_cap_crossed_before_a_refund_is_still_found(make_office):
    tables = clean_tables()
    rows = tables["慰问登记"][1]
    # Jan 500 + Jun 500 + Sep 400 = 1400 > 1300 in September; a -200 in December brings
    # the year back to 1200, under the cap: the September crossing is still reported.
    rows.append([D(2023, 6, 10), "0101", "张三", "节日慰问", 500, "慰问品", "王五", "端午"])
    rows.append([D(2023, 9, 20), "0101", "张三", "节日慰问", 400, "慰问品", "王五", "中秋"])
    rows.append([D(2023, 12, 20), "0101", "张三", "节日慰问", -200, "慰问品", "王五", "元旦"])
    found = {(c[2], c[3]) for c in cells(unionxl.check(make_office(tables)))}
    assert ("E5", "visit.cap.year") in found
    assert ("E6", "value.negative") in found
