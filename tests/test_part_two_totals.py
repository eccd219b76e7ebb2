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
