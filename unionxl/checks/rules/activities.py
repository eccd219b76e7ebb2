"""活动 and 活动参与 rules (台账格式 §3b). Caps and ratios come from the policy (§8)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from unionxl.checks.rules.helpers import check_member, fits_target, repeats, roster, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding
from unionxl.model.schema import PARTICIPANT_ROLES
from unionxl.model.tables import Row

RETREAT = "疗休养"
OUTING = "春秋游"


def default_target(kind: str | None) -> str:
    """对象 left blank: 在职 for 疗休养, else 全部 (台账格式 §2b)."""
    return "在职" if kind == RETREAT else "全部"


def is_participant(row: Row) -> bool:
    return (row["角色"] or "参加") in PARTICIPANT_ROLES


def is_winner(row: Row) -> bool:
    prize = row["奖品金额"]
    return is_participant(row) and (bool(row["名次"]) or (prize is not None and prize > 0))


def check(office: OfficeData) -> Iterator[Finding]:
    yield from check_activities(office)
    yield from check_participants(office)


def check_activities(office: OfficeData) -> Iterator[Finding]:
    table = office.table("活动")
    if table is None:
        return
    policy = office.policy
    period = policy.report_period
    longest = policy.value("疗休养最长天数")
    ratio: Fraction = policy.value("获奖比例上限")
    joined = office.table("活动参与")
    participants: dict[str, int] = {}
    winners: dict[str, int] = {}
    for row in joined or ():
        number = row["活动编号"]
        if number and is_participant(row):
            participants[number] = participants.get(number, 0) + 1
            winners[number] = winners.get(number, 0) + is_winner(row)
    yield from repeats(
        table,
        "编号",
        "activity.id.duplicate",
        lambda r, first: f"活动编号 {r['编号']} 重复，与第 {first} 行相同",
        column="编号",
    )
    for row in table:
        kind, start, end = row["类型"], row["开始日期"], row["结束日期"]
        if start is not None and end is not None and end < start:
            yield table.finding(
                row,
                "结束日期",
                "activity.date.order",
                f"结束日期 {end} 早于开始日期 {start}",
            )
        elif start is not None and end is not None:
            days = (end - start).days + 1
            if kind == OUTING and end != start:
                yield table.finding(
                    row,
                    "结束日期",
                    "activity.outing.days",
                    f"春秋游应当日往返，这里从 {start} 到 {end} 共 {days} 天",
                )
            if kind == RETREAT and longest is not None and days > longest:
                yield table.finding(
                    row,
                    "结束日期",
                    "activity.retreat.days",
                    f"疗休养 {start} 至 {end} 共 {days} 天，超过最长 {longest} 天",
                    basis=policy.basis("疗休养最长天数"),
                )
        if period is not None and start is not None and not period[0] <= start <= period[1]:
            yield table.finding(
                row,
                "开始日期",
                "activity.period",
                f"开始日期 {start} 不在报告期（{period[0]} 至 {period[1]}）内，不计入统计",
                severity=WARNING,
            )
        number = row["编号"]
        listed = participants.get(number or "", 0)
        written = row["参与人数"]
        if listed and written is not None and written != listed:
            yield table.finding(
                row,
                "参与人数",
                "activity.participants.count",
                f"参与人数填的是 {written}，而“活动参与”中该活动有 {listed} 人参加/参赛",
                severity=WARNING,
            )
        won = winners.get(number or "", 0)
        if listed and won > ratio * listed:
            yield table.finding(
                row,
                "编号",
                "activity.winners.ratio",
                f"活动“{row['名称'] or number}”获奖 {won} 人，参与 {listed} 人，"
                f"超过获奖比例上限 {ratio_text(ratio)}（最多 {int(ratio * listed)} 人）",
                basis=policy.basis("获奖比例上限"),
            )


def ratio_text(ratio: Fraction) -> str:
    if ratio.denominator in (2, 3, 4, 5):
        return f"{ratio.numerator}/{ratio.denominator}"
    return f"{float(ratio) * 100:.4g}%"


def check_participants(office: OfficeData) -> Iterator[Finding]:
    table = office.table("活动参与")
    if table is None:
        return
    policy = office.policy
    activities_table = office.table("活动")
    activities: dict[str, Row] = {}
    for row in activities_table or ():
        if row["编号"] and row["编号"] not in activities:
            activities[row["编号"]] = row
    members = roster(office)
    souvenir_cap = policy.value("纪念品上限")
    prize_cap = policy.value("奖品上限")
    for row in table:
        number = row["活动编号"]
        activity = activities.get(number) if number else None
        if number and activities_table is not None and activity is None:
            yield table.finding(
                row,
                "活动编号",
                "participant.activity.unknown",
                f"活动编号 {number} 不在“活动”表中",
            )
        yield from check_member(
            table, row, members, "participant.member.unknown", "participant.member.name"
        )
        prize, souvenir = row["奖品金额"], row["纪念品金额"]
        if row["角色"] == "家属":
            for column, amount in (("奖品金额", prize), ("纪念品金额", souvenir)):
                if amount is not None and amount > 0:
                    yield table.finding(
                        row,
                        column,
                        "participant.family.prize",
                        f"家属不能由工会经费发放{column[:-2]}（这里是 {yuan(amount)}），家属费用应自理",
                    )
        if souvenir_cap is not None and souvenir is not None and souvenir > souvenir_cap:
            yield table.finding(
                row,
                "纪念品金额",
                "participant.souvenir.cap",
                f"纪念品 {yuan(souvenir)} 超过每人上限 {yuan(souvenir_cap)}",
                basis=policy.basis("纪念品上限"),
            )
        if prize_cap is not None and prize is not None and prize > prize_cap:
            yield table.finding(
                row,
                "奖品金额",
                "participant.prize.cap",
                f"奖品 {yuan(prize)} 超过每人上限 {yuan(prize_cap)}",
                basis=policy.basis("奖品上限"),
            )
        member = members.get(row["工号"]) if members is not None and row["工号"] else None
        if activity is not None and member is not None and is_participant(row):
            target = activity["对象"] or default_target(activity["类型"])
            if not fits_target(target, member["状态"]):
                yield table.finding(
                    row,
                    "工号",
                    "participant.target",
                    f"活动“{activity['名称'] or number}”的对象是{target}会员，"
                    f"而{row['姓名'] or row['工号']}的状态是{member['状态']}",
                )
    yield from repeats(
        table,
        ("活动编号", "工号"),
        "participant.duplicate",
        lambda r, first: f"工号 {r['工号']} 在活动 {r['活动编号']} 中出现两次（第 {first} 行已有）",
        column="工号",
        severity=WARNING,
    )
