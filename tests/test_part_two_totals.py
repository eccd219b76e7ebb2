"""Totals of 台账格式 §5b, against figures worked out by hand on tests/part_two_office.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.part_two_office import FILE, put, tables
from unionxl.figures.compute import compute_totals
from unionxl.figures.model import RowRef
from unionxl.loading import office_from_rows

D = dt.date


def totals(t=None):
    return compute_totals(office_from_rows(tables() if t is None else t))


def test_members() -> None:
    assert totals().to_dict()["members"] == {
        "by_status": [
            {"status": "在职", "count": 3},
            {"status": "退休", "count": 1},
            {"status": "离休", "count": 1},
        ],
        "women": 2,  # 李四 (退休) and 赵六 (在职)
        "joined": 0,
    }


def test_organisation_counts_elections_in_the_report_period() -> None:
    result = totals()
    assert result.to_dict()["organisation"] == {"departments": 2, "elected": 1}
    assert result.organisation is not None
    assert result.organisation.elected_rows == (RowRef(FILE, "部门", 2),)
    t = tables()
    put(t, "部门", 3, "换届日期", D(2022, 6, 1))  # the period's first day counts
    assert totals(t).to_dict()["organisation"] == {"departments": 2, "elected": 2}


def test_activities_by_type_and_series() -> None:
    assert totals().to_dict()["activities"] == {
        "by_type": [
            # 3 参赛 (家属 and 工作人员 are not participants); 一等奖 with 100 yuan
            {"type": "比赛", "events": 1, "participants": 3, "winners": 1, "amount": "1200.50"},
            {"type": "春秋游", "events": 1, "participants": 1, "winners": 0, "amount": "300.00"},
            # a blank 角色 is 参加
            {"type": "疗休养", "events": 1, "participants": 2, "winners": 0, "amount": "5000.00"},
            # no named list: its 参与人数
            {"type": "培训", "events": 1, "participants": 200, "winners": 0, "amount": "0.00"},
        ],
        "series": [{"series": "第三届文体活动月", "events": 1, "participants": 3}],
    }


def test_events_carry_their_rows_and_the_period_filters_them() -> None:
    t = tables()
    put(t, "活动", 5, "开始日期", D(2023, 7, 1))  # HD-04 leaves the report period
    put(t, "活动", 3, "开始日期", None)  # a blank date counts
    result = totals(t)
    assert result.activities is not None
    assert [(e.number, e.ref) for e in result.activities.events] == [
        ("HD-01", RowRef(FILE, "活动", 2)),
        ("HD-02", RowRef(FILE, "活动", 3)),
        ("HD-03", RowRef(FILE, "活动", 4)),
    ]
    assert [x["type"] for x in result.to_dict()["activities"]["by_type"]] == [
        "比赛",
        "春秋游",
        "疗休养",
    ]
    assert result.activities.events_of(series="第三届文体活动月")[0].winners == 1


def test_retiree_visits() -> None:
    assert totals().to_dict()["retiree_visits"] == {
        "by_type": [
            {"type": "重大节日", "count": 1, "members": 1, "amount": "500.00"},
            {"type": "生病住院", "count": 2, "members": 2, "amount": "600.00"},
        ]
    }


def test_mutual_aid_counts_periods_overlapping_the_year() -> None:
    assert totals().to_dict()["mutual_aid"] == {
        "enrolled": 2,  # 赵六's 2022 period does not overlap 2023
        "premium": "120.00",
        "subsidy": "60.00",
        "claims": 2,
        "approved": "2500.55",
    }


def test_dues_computed_where_blank_and_reconciled() -> None:
    assert totals().to_dict()["dues"] == {
        "due": "112.15",  # 40.00 + 40.00 (computed from 8005: 8000 × 0.5%) + 32.15
        "paid": "112.15",
        "ledger": "112.15",
        "reconciled": True,
    }
    t = tables()
    put(t, "会费", 3, "工资基数", 8009.99)  # floor to 8000: still 40.00
    put(t, "会费", 4, "应缴", None)  # 6430 × 0.5% = 32.15
    put(t, "收支明细", 2, "收入", 112.16)
    dues = totals(t).to_dict()["dues"]
    assert dues == {"due": "112.15", "paid": "112.15", "ledger": "112.16", "reconciled": False}
    del t["收支明细"]
    assert totals(t).to_dict()["dues"]["ledger"] is None


def test_dues_half_up_to_the_fen() -> None:
    t = tables()
    t["会费"] = [
        ["月份", "工号", "姓名", "工资基数", "应缴", "实缴"],
        ["2023-03", "0101", "张三", 8010, None, 40.05],
    ]
    t["设置"].append(["会费比例", "1/3%", None])  # not a ratio: the default 0.5% stands
    assert totals(t).dues is not None and totals(t).dues.due == Decimal("40.05")
    t["设置"][-1] = ["会费比例", "0.45%", None]  # 8010 × 0.45% = 36.045 → 36.05
    assert totals(t).dues.due == Decimal("36.05")


def test_awards_by_level_and_subject_in_the_period() -> None:
    t = tables()
    t["获奖"].append(
        [2023, "宁德市工人先锋号", "市级", "附属医院急诊科", "集体", None, D(2023, 7, 1)]
    )
    result = totals(t)
    assert result.to_dict()["awards"] == {
        "by_level": [
            {"level": "国家级", "count": 1},
            {"level": "省级", "count": 2},  # one dated, one with a blank 日期
            {"level": "市级", "count": 0},  # after the report period
            {"level": "校级", "count": 0},
        ],
        "by_subject": [
            {"level": "国家级", "subject": "集体", "count": 1},
            {"level": "省级", "subject": "集体", "count": 1},
            {"level": "省级", "subject": "家庭", "count": 1},
        ],
    }
    assert result.awards is not None
    assert [h.ref for h in result.awards.honours] == [RowRef(FILE, "获奖", r) for r in (2, 3, 4)]


def test_absent_tables_give_null() -> None:
    t = tables()
    for name in ("活动", "活动参与", "走访", "医疗互助参保", "医疗互助理赔", "会费", "部门"):
        del t[name]
    result = totals(t).to_dict()
    for key in ("organisation", "activities", "retiree_visits", "mutual_aid", "dues"):
        assert result[key] is None, key


def test_report_period_defaults_to_the_year() -> None:
    t = tables()
    t["设置"] = [r for r in t["设置"] if r[0] not in ("报告期开始", "报告期结束")]
    result = totals(t)
    assert result.report_period == (D(2023, 1, 1), D(2023, 12, 31))
    # HD-03 (2022-10-26) leaves; 全国巾帼文明岗 (2022-09-01) too
    assert [x["type"] for x in result.to_dict()["activities"]["by_type"]] == [
        "比赛",
        "疗休养",
        "培训",
    ]
    assert result.to_dict()["awards"]["by_level"][0] == {"level": "国家级", "count": 0}


# --- what users see: terminal, 汇总.xlsx, the Excel 汇总 sheet, blank workbooks -------------


def test_terminal_and_workbook_show_the_new_figures(tmp_path) -> None:
    import openpyxl

    from unionxl.excel.results import summary_plan
    from unionxl.outputs.totals_text import render_totals
    from unionxl.outputs.totals_xlsx import write_totals_xlsx

    result = totals()
    text = render_totals(result)
    text.encode("gbk")
    for words in ("工会活动", "第三届文体活动月", "离退休走访", "职工医疗互助", "会费", "二级工会"):
        assert words in text
    assert "2,500.55" in text and "1,200.50" in text
    path = write_totals_xlsx(result, tmp_path / "汇总.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in ("会员", "二级工会", "工会活动", "离退休走访", "医疗互助", "会费", "获奖对象"):
        assert sheet in book.sheetnames
    aid = {r[0]: r[1] for r in book["医疗互助"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert aid["核定金额"] == 2500.55 and aid["参保人数"] == 2
    plan = summary_plan(result.to_dict())
    flat = [v for row in plan.values for v in row if v is not None]
    assert "六、会员" in flat and 112.15 in flat


def test_blank_workbooks_hold_every_new_table_and_check_clean(tmp_path) -> None:
    import openpyxl

    import unionxl
    from unionxl.outputs.blank import create_office

    paths = create_office(tmp_path / "new", year=2023, unit="测试学院工会")
    sheets = {ws for p in paths for ws in openpyxl.load_workbook(p).sheetnames}
    for name in ("活动", "活动参与", "走访", "医疗互助参保", "医疗互助理赔", "会费", "代表"):
        assert name in sheets
    book = openpyxl.load_workbook(tmp_path / "new" / "活动.xlsx")
    validations = {
        str(v.sqref).split(":")[0]: v for v in book["活动"].data_validations.dataValidation
    }
    assert validations["C2"].type == "list" and "疗休养" in validations["C2"].formula1  # 类型
    roles = {
        str(v.sqref).split(":")[0]: v for v in book["活动参与"].data_validations.dataValidation
    }
    assert "家属" in roles["D2"].formula1  # 角色
    assert "说明" in book.sheetnames
    report = unionxl.check(tmp_path / "new")
    assert report.errors == 0 and report.warnings == 0


def test_example_office_mirrors_the_work_report() -> None:
    """workbooks/ (scripts/make_office.py) against the figures of the 2023 work report."""
    from pathlib import Path

    import unionxl

    folder = Path(__file__).resolve().parents[1] / "workbooks"
    office = unionxl.load(folder)
    assert office.check().errors == 0
    result = office.totals().to_dict()
    assert result["organisation"] == {"departments": 25, "elected": 11}
    by_type = {t["type"]: t for t in result["activities"]["by_type"]}
    assert by_type["疗休养"] == {
        "type": "疗休养",
        "events": 6,
        "participants": 180,
        "winners": 0,
        "amount": "166300.00",
    }
    assert by_type["培训"]["events"] == 3
    assert by_type["联谊"]["events"] >= 1 and by_type["志愿服务"]["events"] >= 1
    series = {s["series"]: s for s in result["activities"]["series"]}
    assert series["第三届文体活动月"] == {
        "series": "第三届文体活动月",
        "events": 4,
        "participants": 320,
    }
    assert series["我们的节日"]["events"] == 3
    assert {t["type"] for t in result["retiree_visits"]["by_type"]} >= {
        "重大节日",
        "丧事",
        "生病住院",
        "特殊困难",
        "突发变故",
    }
    assert result["mutual_aid"]["claims"] == 35
    assert result["dues"]["reconciled"] is True
    levels = {a["level"]: a["count"] for a in result["awards"]["by_level"]}
    assert (levels["国家级"], levels["省级"], levels["市级"]) == (1, 6, 11)
    subjects = {(a["level"], a["subject"]): a["count"] for a in result["awards"]["by_subject"]}
    assert subjects[("国家级", "集体")] == 1
    assert subjects[("省级", "家庭")] == 2 and subjects[("省级", "个人")] == 2
    assert subjects[("市级", "家庭")] == 8 and subjects[("市级", "集体")] == 3
    assert result["proposals"] == {
        "collected": 30,
        "accepted": 28,
        "filed": 4,
        "answered": 4,
        "satisfied": 4,
    }
