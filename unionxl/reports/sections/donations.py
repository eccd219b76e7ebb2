"""捐款公示: each campaign's figures by 部门, the named list, the notice's settings.

The 公示期 is `公示天数` working days (default 5) from `公示开始` (default the 成文日期),
statutory holidays and 调休 from the calendar library (`unionxl.model.workdays`). A
sentence whose 设置 key is absent (联系人, 联系电话, 监督电话, 款项去向) is left out, never
printed with a blank. The named list (`--named`) is grouped by 部门, each 部门 in 姓氏笔画
order (`strokes.py`), and holds nothing about a person but the name and the amount.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from unionxl.model.workdays import known_year, last_working_day
from unionxl.outputs import terms as T
from unionxl.reports.fmt import money, percent, period_cn, ratio, upper
from unionxl.reports.options import Options
from unionxl.reports.strokes import stroke_key

if TYPE_CHECKING:
    from unionxl.figures.model import Campaign, Donations, Donor
    from unionxl.policy.policy import Policy

NAMES_PER_ROW = 4  # name/amount pairs per row of the named list
# More 部门 than this and the 部门 table is set in two halves side by side, so that the
# notice with its closing paragraphs still fits one page.
ONE_COLUMN_DEPARTMENTS = 12


def donation_vars(
    policy: Policy, donations: Donations | None, options: Options, dated: dt.date, union: str
) -> dict[str, Any]:
    start = policy.value("公示开始") or dated
    days = policy.value("公示天数")
    end = last_working_day(start, days)
    for year in sorted({start.year, end.year}):
        if not known_year(year):
            options.notes.append(
                f"日历库还没有 {year} 年的法定节假日安排，公示期只跳过了周末：请核对公示截止日期"
            )
    settings = {key: policy.value(key) or "" for key in ("联系人", "联系电话", "监督电话")}
    destination = (policy.value("款项去向") or "").rstrip("。")
    return {
        "捐款活动": [
            campaign_vars(campaign, donations, options.named)
            for campaign in (donations.campaigns if donations is not None else ())
        ],
        "公布名单": options.named,
        "公示天数": days,
        "公示开始": period_cn(start, start),
        "公示截止": period_cn(end, end),
        "公示期": period_cn(start, end),
        **settings,
        "款项去向": destination,
        "公示说明": closing_text(days, period_cn(start, end), union, settings, destination),
    }


def campaign_vars(campaign: Campaign, donations: Donations | None, named: bool) -> dict[str, Any]:
    assert donations is not None
    departments = [
        {
            "部门": T.department(d.department),
            "人次": d.donors,
            "金额": money(d.amount),
            "占比": percent(ratio(d.amount, campaign.amount)),
        }
        for d in donations.departments_of(campaign.campaign)
    ]
    order = [T.department(d.department) for d in donations.departments_of(campaign.campaign)]
    groups = donor_groups(donations.donors.get(campaign.campaign, ()), order) if named else []
    people = [person for group in groups for person in group["名单"]]
    return {
        "名称": campaign.campaign,
        "期间": period_cn(campaign.start, campaign.end),
        "人次": campaign.donors,
        "金额": money(campaign.amount),
        "金额大写": upper(campaign.amount),
        "到账金额": "" if campaign.received is None else money(campaign.received),
        "部门": departments,
        "分栏": len(departments) > ONE_COLUMN_DEPARTMENTS,
        "部门分栏": side_by_side(departments),
        "名单": people,
        "名单分栏": in_columns(people, 3),
        "名单分部门": [
            {
                "部门": group["部门"],
                "人数": len(group["名单"]),
                "行": in_columns(group["名单"], NAMES_PER_ROW),
            }
            for group in groups
        ],
    }


def closing_text(
    days: int, period: str, unit: str, settings: dict[str, str], destination: str
) -> str:
    """公示期, whom to tell, where the money went, the supervision line: each sentence only
    when its 设置 key is filled."""
    contact = "，".join(
        f"{key}：{settings[key]}" for key in ("联系人", "联系电话") if settings[key]
    )
    to = f"向{unit}反映" if unit else "反映"
    text = f"公示期为{days}个工作日（{period}）。如有异议，请在公示期内{to}"
    text += f"（{contact}）。" if contact else "。"
    if destination:
        text += f"款项去向：{destination}。"
    if settings["监督电话"]:
        text += f"监督电话：{settings['监督电话']}。"
    return text


def donor_groups(donors: tuple[Donor, ...], order: list[str]) -> list[dict[str, Any]]:
    """The donors by 部门 (in the 部门 table's `order`), each 部门 in 姓氏笔画 order.

    Nothing else about a person ever enters a public notice (no 工号, 身份证号, 手机).
    """
    by_department: dict[str, list[Donor]] = {name: [] for name in order}
    for donor in donors:
        by_department.setdefault(T.department(donor.department), []).append(donor)
    groups = []
    number = 0
    for department, people in by_department.items():
        if not people:
            continue
        listed = []
        for donor in sorted(people, key=lambda d: stroke_key(d.name)):
            number += 1
            listed.append(
                {
                    "序号": number,
                    "部门": department,
                    "姓名": donor.name,
                    "金额": money(donor.amount),
                }
            )
        groups.append({"部门": department, "名单": listed})
    return groups


def in_columns(people: list[dict[str, Any]], per_row: int) -> list[dict[str, str]]:
    rows = []
    for start in range(0, len(people), per_row):
        row = {}
        for i in range(per_row):
            person = people[start + i] if start + i < len(people) else None
            row[f"姓名{i + 1}"] = person["姓名"] if person else ""
            row[f"金额{i + 1}"] = person["金额"] if person else ""
        rows.append(row)
    return rows


def side_by_side(departments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 部门 rows in two halves, left half top to bottom, then the right half."""
    half = (len(departments) + 1) // 2
    rows = []
    for i in range(half):
        left = departments[i]
        right = departments[half + i] if half + i < len(departments) else None
        rows.append(
            {
                "部门1": left["部门"],
                "人次1": str(left["人次"]),
                "金额1": left["金额"],
                "部门2": right["部门"] if right else "",
                "人次2": str(right["人次"]) if right else "",
                "金额2": right["金额"] if right else "",
            }
        )
    return rows
