"""捐款公示: each campaign's figures by 部门, the named list, the notice's settings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from unionxl.outputs import terms as T
from unionxl.reports.fmt import date_cn, money, percent, period_cn, ratio, upper
from unionxl.reports.options import Options

if TYPE_CHECKING:
    from unionxl.figures.model import Donations
    from unionxl.policy.policy import Policy

BLANK = "＿＿＿＿"


def donation_vars(
    policy: Policy, donations: Donations | None, options: Options, today: dt.date
) -> dict[str, Any]:
    days = policy.value("公示天数")
    campaigns = []
    names_by_campaign = donor_lists(donations) if options.named and donations else {}
    departments_of = donations.departments_of if donations is not None else lambda _: ()
    for campaign in donations.campaigns if donations is not None else ():
        names = names_by_campaign.get(campaign.campaign, [])
        campaigns.append(
            {
                "名称": campaign.campaign,
                "期间": period_cn(campaign.start, campaign.end),
                "人次": campaign.donors,
                "金额": money(campaign.amount),
                "金额大写": upper(campaign.amount),
                "到账金额": "" if campaign.received is None else money(campaign.received),
                "部门": [
                    {
                        "部门": T.department(d.department),
                        "人次": d.donors,
                        "金额": money(d.amount),
                        "占比": percent(ratio(d.amount, campaign.amount)),
                    }
                    for d in departments_of(campaign.campaign)
                ],
                "名单": names,
                "名单分栏": in_columns(names, 3),
            }
        )
    return {
        "捐款活动": campaigns,
        "公布名单": options.named,
        "公示天数": days,
        "公示开始": date_cn(today),
        "公示截止": date_cn(today + dt.timedelta(days=days - 1)),
        "联系人": policy.value("联系人") or BLANK,
        "联系电话": policy.value("联系电话") or BLANK,
    }


def donor_lists(donations: Donations) -> dict[str, list[dict[str, Any]]]:
    """Per campaign: 序号, 姓名, 金额 per donor, in sheet order.

    Nothing else about a person ever enters a public notice (no 工号, 身份证号, 手机).
    """
    return {
        campaign: [
            {"序号": i, "姓名": donor.name, "金额": money(donor.amount)}
            for i, donor in enumerate(people, 1)
        ]
        for campaign, people in donations.donors.items()
    }


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
