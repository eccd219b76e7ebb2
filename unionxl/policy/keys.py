"""Every key of the 设置 sheet (台账格式 §8): its parser, its default, its meaning.

This table is the one place that knows a 设置 key. The rules, the totals, the reports,
the blank 设置 sheet of `unionxl new` and the office-folder format page all read it.
A default that depends on other figures (the report period on 年度, a cap on 慰问标准)
is `None` here and resolved by `Policy`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from unionxl.model import values as V


def parse_year(raw: Any) -> int:
    year = V.parse_int(raw)
    if not 1900 <= year <= 2100:
        raise V.BadValue(f"{year} 不是年份")
    return year


def parse_count(raw: Any) -> int:
    value = V.parse_int(raw)
    if value < 0:
        raise V.BadValue("不能为负数")
    return value


def parse_days(raw: Any) -> int:
    value = V.parse_int(raw)
    if value <= 0:
        raise V.BadValue("应大于 0")
    return value


def parse_ratio(raw: Any) -> Fraction:
    """`2/3`, `66.7%`, `0.667`, `千分之五` is not accepted: say 0.5%."""
    text = V.clean_text(raw).strip().replace("％", "%").replace("／", "/")
    try:
        if "/" in text:
            top, _, bottom = text.partition("/")
            value = Fraction(int(top), int(bottom))
        elif text.endswith("%"):
            value = Fraction(Decimal(text[:-1].strip())) / 100
        else:
            value = Fraction(Decimal(text))
    except (ValueError, ZeroDivisionError, InvalidOperation, ArithmeticError) as e:
        raise V.BadValue(f"“{text}”不是比例") from e
    if not 0 <= value <= 1:
        raise V.BadValue(f"“{text}”不在 0 到 100% 之间")
    return value


def parse_yes_no(raw: Any) -> bool:
    text = re.sub(r"\s", "", V.clean_text(raw)).lower()
    if text in ("是", "y", "yes", "true", "1", "含"):
        return True
    if text in ("否", "n", "no", "false", "0", "不含"):
        return False
    raise V.BadValue(f"“{text}”应为 是 或 否")


def parse_text(raw: Any) -> str:
    return V.clean_text(raw).strip()


AMOUNT_STYLES = ("元", "万元")


def parse_amount_style(raw: Any) -> str:
    text = re.sub(r"\s", "", V.clean_text(raw))
    if text in AMOUNT_STYLES:
        return text
    raise V.BadValue(f"“{text}”应为 元 或 万元")


@dataclass(frozen=True)
class SettingKey:
    key: str
    parse: Callable[[Any], Any]
    expected: str  # what a right value looks like, for the message about a wrong one
    meaning: str  # for the blank 设置 sheet and the format page
    default: Any = None
    default_text: str = "（无）"
    basis: str | None = None  # the document a built-in default stands on
    used_by: str = ""
    example: str = ""  # what `unionxl new` pre-fills (empty: left blank)


RATIO_WORDS = "比例，如 2/3、66.7% 或 0.667"

SETTING_KEYS: tuple[SettingKey, ...] = (
    SettingKey("单位名称", parse_text, "单位全称", "报告抬头用的单位全称", used_by="所有报告"),
    SettingKey(
        "年度",
        parse_year,
        "四位数年份，如 2023",
        "经费年度（运行时也可用 --year 指定）",
        used_by="日期核对、汇总、报告",
    ),
    SettingKey(
        "上年结余",
        V.parse_money,
        "金额，如 1286543.21",
        "上年末经费结余",
        used_by="汇总的年末结余、决算报告",
    ),
    SettingKey(
        "提案附议最少人数",
        parse_count,
        "整数，如 2",
        "立案提案至少要有的附议人数",
        default=2,
        default_text="2",
        basis="本校教代会提案工作办法（通行要求：2 名以上代表附议）",
        used_by="提案",
        example="2",
    ),
    SettingKey(
        "报告期开始",
        V.parse_date,
        "日期，如 2022-06-01",
        "工作报告所述期间的第一天",
        default_text="年度的 1 月 1 日",
        used_by="活动、获奖、换届的统计，工作报告",
    ),
    SettingKey(
        "报告期结束",
        V.parse_date,
        "日期，如 2023-06-30",
        "工作报告所述期间的最后一天",
        default_text="年度的 12 月 31 日",
        used_by="活动、获奖、换届的统计，工作报告",
    ),
    SettingKey(
        "获奖比例上限",
        parse_ratio,
        RATIO_WORDS,
        "一项活动获奖人数占参与人数的最高比例",
        default=Fraction(2, 3),
        default_text="2/3",
        basis="各省基层工会经费收支管理实施办法（获奖面不超过参与人数的 2/3）",
        used_by="活动",
        example="2/3",
    ),
    SettingKey(
        "纪念品上限",
        V.parse_money,
        "金额，如 100",
        "每人纪念品金额上限（元）",
        default=Decimal(100),
        default_text="100",
        basis="各省基层工会经费收支管理实施办法（未设奖项的活动纪念品每人不超过 100 元）",
        used_by="活动参与",
        example="100",
    ),
    SettingKey(
        "奖品上限",
        V.parse_money,
        "金额，如 300",
        "每人奖品金额上限（元）；不填则不检查",
        used_by="活动参与",
    ),
    SettingKey(
        "疗休养最长天数",
        parse_days,
        "天数，如 5",
        "一期疗休养最多几天；不填则不检查",
        used_by="活动",
    ),
    SettingKey(
        "节日慰问每人每年上限",
        V.parse_money,
        "金额，如 1300",
        "各节日慰问合计每人每年上限（元）",
        default_text="“慰问标准”中“节日慰问”的每人每年上限",
        used_by="慰问登记",
    ),
    SettingKey(
        "节日慰问占收入比例上限",
        parse_ratio,
        RATIO_WORDS,
        "全年节日慰问合计占当年经费收入的最高比例；不填则不检查",
        used_by="慰问登记",
    ),
    SettingKey(
        "会费比例",
        parse_ratio,
        "比例，如 0.5%",
        "会费占工资基数的比例",
        default=Fraction(5, 1000),
        default_text="0.5%",
        basis="全国总工会会费收缴规定（会员按本人工资收入的 0.5% 按月缴纳）",
        used_by="会费",
        example="0.5%",
    ),
    SettingKey(
        "住院天数含入院当日",
        parse_yes_no,
        "是 或 否",
        "住院天数是否把入院当天也算一天",
        default=False,
        default_text="否",
        used_by="医疗互助理赔",
        example="否",
    ),
    SettingKey(
        "成文日期",
        V.parse_date,
        "日期，如 2023-07-10",
        "报告落款日期",
        default_text="生成报告的当天",
        used_by="所有报告的落款",
    ),
    SettingKey(
        "主送",
        parse_text,
        "机关名称，如 校工会委员会",
        "决算报告的主送机关",
        default_text="单位名称加“委员会”（如 某某学院工会委员会）",
        used_by="决算报告",
    ),
    SettingKey(
        "负责人", parse_text, "姓名", "决算报告的单位负责人；不填则留出签名位置", used_by="决算报告"
    ),
    SettingKey(
        "制表人", parse_text, "姓名", "决算报告的制表人；不填则留出签名位置", used_by="决算报告"
    ),
    SettingKey(
        "公示开始",
        V.parse_date,
        "日期，如 2023-07-10",
        "捐款公示的第一天",
        default_text="成文日期",
        used_by="捐款公示",
    ),
    SettingKey(
        "公示天数",
        parse_days,
        "天数，如 5",
        "捐款公示的工作日天数",
        default=5,
        default_text="5 个工作日",
        used_by="捐款公示",
        example="5",
    ),
    SettingKey("联系人", parse_text, "姓名", "公示联系人；不填则不印这句", used_by="捐款公示"),
    SettingKey(
        "联系电话", parse_text, "电话号码", "公示联系电话；不填则不印这句", used_by="捐款公示"
    ),
    SettingKey(
        "监督电话", parse_text, "电话号码", "公示监督电话；不填则不印这句", used_by="捐款公示"
    ),
    SettingKey(
        "款项去向",
        parse_text,
        "一句话，如 已全额汇入市慈善总会账户",
        "捐款的去向；不填则不印这句",
        used_by="捐款公示",
    ),
    SettingKey(
        "金额写法",
        parse_amount_style,
        "元 或 万元",
        "工作报告正文中金额的写法：元（117228元）或万元（1万元以上写作 11.72万元）",
        default="元",
        default_text="元",
        used_by="工作报告（数据稿）",
        example="元",
    ),
)

KEYS: dict[str, SettingKey] = {k.key: k for k in SETTING_KEYS}


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
