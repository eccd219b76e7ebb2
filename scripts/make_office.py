#!/usr/bin/env python3
"""Generate a realistic, fictional union office folder (ten workbooks, year 2023).

    python scripts/make_office.py OUTDIR [--members N] [--seed S]

or, from code (benchmarks, tests):

    from scripts.make_office import make_office
    paths = make_office(Path("workbooks"), members=3000, seed=2023)

The office is 闽东师范学院工会, a made-up university union with an affiliated hospital:
25 二级工会, fictional people (names from surname/given-name lists), valid but invented
身份证号. Everything comes from a fixed random seed, and the files are byte-for-byte the
same on every run with the same arguments.

The tables are clean under every rule of 台账格式 §3. Sizes scale with `members` (at 3,000
members the folder holds about 19,000 rows), with these fixed points, the same at any
size of 300 members and up:

* 捐款: 慈善一日捐 sums to exactly 117,228.00 and 母亲健康1+1 to 41,215.00, each equal
  to its 到账金额 (the donor count grows with the office up to one donor per 10 yuan).
* 提案: exactly 30 rows; 4 立案 (all answered, 满意), 24 转意见建议, 2 不予立案.
* 获奖: the same list of honours (one 国家级, four 省级, some 市级/校级).
* 慰问标准: the Fujian 2018 caps (闽工〔2018〕158号).

慰问登记 has one row per gift: 生日慰问 for in-service members, 节日慰问 before 春节,
劳动节, 端午 and 中秋 (450 + 200 + 200 + 400 = 1,250 yuan ≤ 1,300 a member a year) and
some dozens of 住院/生育/去世/退休 rows. An Excel sheet holds at most 1,048,576 rows, so a
very large office drops festival rounds, 劳动节 first (from about 220,000 members), then
端午 (from about 280,000), until the register fits on one sheet: 300,000 members give
春节 and 中秋 only.

Part two (台账格式 §2b), within the report period 2022-06-01 … 2023-06-30 set in 设置:
活动/活动参与 (six 疗休养 sessions of 30, the 第三届文体活动月 with 拔河, 扑克牌80分, 气排球 and
8×100米接力 (320 contestants), three 月饼DIY sessions of 我们的节日, three online training
sessions, the 第四届“最佳一节课” contest, a 联谊, two 志愿服务 events, a retirees' outing);
走访 (五必访, all five kinds); 医疗互助参保 (住院医疗互助 2023) and 35 理赔; 会费 (one row per
在职 member and month, reconciling with the ledger's 会费收入); 代表 of the 二届 (every 提案's
proposer and 附议人 among them); 部门 with chairs and eleven 换届 in April 2023; the awards of
the report (1 国家级, 6 省级, 11 市级) by 对象类型.

Big workbooks are written with XlsxWriter's constant_memory mode (inline strings, one
row in memory); small ones the ordinary way (shared strings, like Excel itself).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from lunar_python import Lunar
from lunar_python.util import HolidayUtil

if __package__ in (None, ""):  # run as a script: make `unionxl` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from unionxl.model.schema import (  # noqa: E402
    ACTIVITIES,
    AWARDS,
    BUDGET,
    CAMPAIGNS,
    DELEGATES,
    DEPARTMENTS,
    DONATIONS,
    LEDGER,
    MEMBERS,
    MUTUAL_CLAIMS,
    MUTUAL_ENROLMENT,
    PARTICIPANTS,
    PROPOSALS,
    SETTINGS,
    VISIT_RULES,
    VISITS,
    Kind,
    TableSpec,
)
from unionxl.model.schema import DUES as DUES_SPEC  # noqa: E402
from unionxl.model.schema import RETIREE_VISITS as RETIREE_VISITS_SPEC  # noqa: E402
from unionxl.policy import packs  # noqa: E402
from unionxl.policy.packs import BUILTIN_ACCOUNTS  # noqa: E402

YEAR = 2023
SCHOOL = "闽东师范学院"
UNION = f"{SCHOOL}工会"
HOSPITAL = f"{SCHOOL}附属医院"
OPENING_FEN_PER_3000 = 128_654_321  # 上年结余 1,286,543.21 for a 3,000-member office
MIN_PROPOSAL_SECONDS = 2  # 提案附议最少人数
EXCEL_MAX_ROWS = 1_048_576
BIG_WORKBOOK_ROWS = 60_000  # from this many rows on, write with constant_memory
CREATED = dt.datetime(2024, 1, 15, 9, 30, 0)  # fixed document date: reproducible bytes
EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()

FILE_MEMBERS = "会员名册.xlsx"
FILE_FUNDS = "经费.xlsx"
FILE_DONATIONS = "捐款.xlsx"
FILE_VISITS = "慰问.xlsx"
FILE_PROPOSALS = "提案.xlsx"
FILE_AWARDS = "获奖.xlsx"
FILE_ACTIVITIES = "活动.xlsx"
FILE_RETIREES = "离退休走访.xlsx"
FILE_MUTUAL = "医疗互助.xlsx"
FILE_DUES = "会费.xlsx"
FILES = (
    FILE_MEMBERS,
    FILE_FUNDS,
    FILE_DONATIONS,
    FILE_VISITS,
    FILE_PROPOSALS,
    FILE_AWARDS,
    FILE_ACTIVITIES,
    FILE_RETIREES,
    FILE_MUTUAL,
    FILE_DUES,
)

IN_SERVICE, RETIRED, LIXIU, MOVED, DEAD = "在职", "退休", "离休", "调离", "去世"


class Fen(int):
    """An amount in fen (0.01 yuan); written as a number with the money format."""


# ---------------------------------------------------------------------------------------
# The organisation
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dept:
    name: str
    category: str
    weight: float  # share of in-service members
    unit: str  # first two digits of 工号: 01 university, 02 hospital
    women: float  # share of women


RETIREE_DEPT = "离退休教职工分工会"
DEPTS: tuple[Dept, ...] = (
    Dept("文学院", "学院", 1.0, "01", 0.68),
    Dept("马克思主义学院", "学院", 0.7, "01", 0.60),
    Dept("经济与管理学院", "学院", 1.1, "01", 0.62),
    Dept("教育学院", "学院", 1.0, "01", 0.70),
    Dept("外国语学院", "学院", 0.9, "01", 0.78),
    Dept("数理学院", "学院", 1.0, "01", 0.42),
    Dept("信息与机电工程学院", "学院", 1.3, "01", 0.30),
    Dept("化学与材料学院", "学院", 0.9, "01", 0.45),
    Dept("生命科学学院", "学院", 0.8, "01", 0.52),
    Dept("海洋学院", "学院", 0.6, "01", 0.40),
    Dept("音乐学院", "学院", 0.6, "01", 0.62),
    Dept("美术学院", "学院", 0.6, "01", 0.55),
    Dept("体育学院", "学院", 0.6, "01", 0.35),
    Dept("继续教育学院", "学院", 0.4, "01", 0.60),
    Dept("机关第一分工会", "机关", 1.3, "01", 0.55),
    Dept("机关第二分工会", "机关", 1.1, "01", 0.52),
    Dept("图书馆分工会", "直属单位", 0.5, "01", 0.72),
    Dept("后勤管理处分工会", "直属单位", 1.0, "01", 0.45),
    Dept("附属医院内科分工会", "附属医院", 1.9, "02", 0.55),
    Dept("附属医院外科分工会", "附属医院", 1.7, "02", 0.35),
    Dept("附属医院护理分工会", "附属医院", 3.0, "02", 0.96),
    Dept("附属医院医技分工会", "附属医院", 1.1, "02", 0.55),
    Dept("附属医院妇儿分工会", "附属医院", 1.1, "02", 0.80),
    Dept("附属医院行政后勤分工会", "附属医院", 0.9, "02", 0.50),
    Dept(RETIREE_DEPT, "离退休", 0.0, "01", 0.50),
)
RETIREE_INDEX = len(DEPTS) - 1
HOSPITAL_DEPTS = frozenset(i for i, d in enumerate(DEPTS) if d.unit == "02")

SURNAMES = (
    ("陈", 12),
    ("林", 10),
    ("黄", 6),
    ("张", 5),
    ("李", 5),
    ("吴", 4),
    ("王", 4),
    ("郑", 4),
    ("刘", 3),
    ("杨", 3),
    ("缪", 2),
    ("蔡", 2),
    ("许", 2),
    ("谢", 2),
    ("郭", 2),
    ("叶", 2),
    ("周", 2),
    ("徐", 2),
    ("游", 1),
    ("江", 1),
    ("高", 1),
    ("庄", 1),
    ("苏", 1),
    ("施", 1),
    ("卓", 1),
    ("魏", 1),
    ("彭", 1),
    ("阮", 1),
    ("雷", 1),
    ("钟", 1),
    ("蓝", 1),
    ("孙", 1),
    ("何", 1),
    ("罗", 1),
    ("朱", 1),
    ("胡", 1),
    ("肖", 1),
    ("詹", 1),
    ("余", 1),
    ("邱", 1),
    ("潘", 1),
    ("曾", 1),
    ("方", 1),
    ("姚", 1),
    ("汤", 1),
    ("薛", 1),
    ("甘", 1),
    ("龚", 1),
)
MALE_CHARS = "伟强军斌杰涛明辉鹏峰建国华志勇文宇浩俊磊平坤荣清福榕闽海锋昌忠德兴铭鑫振毅煌彬晨泽恒"
FEMALE_CHARS = "丽芳娟敏静燕婷霞玲琳雪颖慧萍红梅兰芬莉秀英琴倩怡洁珊蓉菁晶璇欣悦瑶薇婧琼钰萱"
SHARED_CHARS = "晓文思雨嘉佳子心一秋春宏立安明永小梓诗逸舒"

# 身份证 area codes (GB/T 2260): mostly 宁德 (3509xx), then the rest of 福建, a few elsewhere.
AREAS_NINGDE = (
    "350902",
    "350921",
    "350922",
    "350923",
    "350924",
    "350925",
    "350926",
    "350981",
    "350982",
)
AREAS_FUJIAN = (
    "350102",
    "350104",
    "350111",
    "350121",
    "350181",
    "350203",
    "350206",
    "350302",
    "350322",
    "350424",
    "350503",
    "350582",
    "350583",
    "350602",
    "350681",
    "350702",
    "350781",
    "350802",
)
AREAS_OTHER = ("360102", "330106", "430104", "410105", "370102", "420111", "510107", "362502")
PHONE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "199",
)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 (ISO 7064 MOD 11-2) check character."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


@dataclass(slots=True)
class Member:
    no: str
    name: str
    gender: str
    idcard: str
    birth: dt.date
    dept: int
    joined: dt.date
    status: str
    phone: str
    event: dt.date | None = None  # retired (退休 in YEAR) or died (去世) on


def rng_for(seed: int, part: str) -> random.Random:
    """An independent, reproducible stream per table, so one table's size never shifts another."""
    return random.Random(f"{seed}:{part}")


class Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames = [s for s, _ in SURNAMES]
        self.cum = list(_cumulative([w for _, w in SURNAMES]))

    def __call__(self, gender: str) -> str:
        rng = self.rng
        surname = self.surnames[bisect_right(self.cum, rng.random() * self.cum[-1])]
        own = MALE_CHARS if gender == "男" else FEMALE_CHARS
        if rng.random() < 0.18:
            return surname + rng.choice(own)
        first = rng.choice(SHARED_CHARS) if rng.random() < 0.45 else rng.choice(own)
        second = rng.choice(own)
        while second == first:
            second = rng.choice(own)
        return surname + first + second


def _cumulative(weights: Iterable[float]) -> Iterable[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def _day_in_year(rng: random.Random, year: int) -> dt.date:
    start = dt.date(year, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(year + 1, 1, 1) - start).days))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def make_members(count: int, seed: int) -> list[Member]:
    rng = rng_for(seed, "members")
    names = Names(rng)
    dept_cum = list(_cumulative(d.weight for d in DEPTS))
    ids: set[str] = set()
    last_join = dt.date(YEAR, 12, 20)
    people: list[Member] = []
    for _ in range(count):
        u = rng.random()
        event = None
        if u < 0.0015:  # 离休: joined the revolution before 1949
            status, dept = LIXIU, RETIREE_INDEX
            gender = "男" if rng.random() < 0.8 else "女"
            birth = _day_in_year(rng, rng.randint(1926, 1932))
            joined = dt.date(rng.randint(1950, 1956), rng.choice((3, 5, 7, 10)), rng.randint(1, 28))
        elif u < 0.15:  # retired (or died this year)
            dept = RETIREE_INDEX
            gender = "男" if rng.random() < 0.5 else "女"
            last_birth_year = YEAR - (60 if gender == "男" else 55)
            if rng.random() < 0.025:
                status = DEAD
                birth = _day_in_year(rng, rng.randint(1932, last_birth_year - 5))
                event = _day_in_year(rng, YEAR)
            else:
                status = RETIRED
                birth = _day_in_year(rng, rng.randint(last_birth_year - 27, last_birth_year))
                if birth.year == last_birth_year:  # retired on this year's birthday
                    event = _add_years(birth, YEAR - birth.year)
            joined = _add_years(birth, rng.randint(21, 27))
            joined = joined.replace(month=rng.choice((7, 8, 9, 9)), day=rng.randint(1, 28))
        else:  # working age
            dept = bisect_right(dept_cum, rng.random() * dept_cum[-1])
            dept = min(dept, RETIREE_INDEX - 1)
            gender = "女" if rng.random() < DEPTS[dept].women else "男"
            first_year = YEAR - (59 if gender == "男" else 54)
            year = round(rng.triangular(first_year, YEAR - 23, 1985))
            birth = _day_in_year(rng, min(max(year, first_year), YEAR - 23))
            v = rng.random()
            if v < 0.015:
                status = MOVED
            elif v < 0.0155:
                status = DEAD
                event = _day_in_year(rng, YEAR)
            else:
                status = IN_SERVICE
            age = rng.randint(22, 30)
            joined = _add_years(birth, min(age, YEAR - birth.year))
            joined = joined.replace(month=rng.choice((7, 7, 8, 9, 9, 3)), day=rng.randint(1, 28))
            joined = min(joined, last_join)
        while True:
            area = rng.random()
            code = (
                rng.choice(AREAS_NINGDE)
                if area < 0.7
                else rng.choice(AREAS_FUJIAN)
                if area < 0.95
                else rng.choice(AREAS_OTHER)
            )
            seq = rng.randrange(500) * 2 + (1 if gender == "男" else 0)
            first17 = f"{code}{birth:%Y%m%d}{seq:03d}"
            idcard = first17 + id_check_digit(first17)
            if idcard not in ids:
                ids.add(idcard)
                break
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        people.append(
            Member("", names(gender), gender, idcard, birth, dept, joined, status, phone, event)
        )

    # 工号: unit (01 university / 02 hospital) + two digits of the year joined + a sequence.
    units = [
        DEPTS[m.dept].unit if m.dept != RETIREE_INDEX else ("02" if rng.random() < 0.3 else "01")
        for m in people
    ]
    buckets = Counter((u, m.joined.year % 100) for u, m in zip(units, people, strict=True))
    width = max(4, len(str(max(buckets.values(), default=1))))
    order = sorted(range(count), key=lambda i: (people[i].joined, i))
    seqs: Counter[tuple[str, int]] = Counter()
    for i in order:
        key = (units[i], people[i].joined.year % 100)
        seqs[key] += 1
        people[i].no = f"{key[0]}{key[1]:02d}{seqs[key]:0{width}d}"
    people.sort(key=lambda m: (m.dept, m.no))
    return people


# ---------------------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------------------


def lunar_date(year: int, month: int, day: int) -> dt.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def festival_dates(year: int) -> dict[str, dt.date]:
    return {
        "春节": lunar_date(year, 1, 1),
        "劳动节": dt.date(year, 5, 1),
        "端午": lunar_date(year, 5, 5),
        "中秋": lunar_date(year, 8, 15),
    }


def workdays(year: int) -> list[dt.date]:
    """Official working days (weekends and holidays off, 调休 Saturdays on)."""
    days = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        holiday = HolidayUtil.getHoliday(day.year, day.month, day.day)
        if holiday.isWork() if holiday is not None else day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


class Calendar:
    def __init__(self, year: int) -> None:
        self.days = workdays(year)

    def pick(self, rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
        """A random working day in [lo, hi] (or lo itself if there is none)."""
        a, b = bisect_left(self.days, lo), bisect_right(self.days, hi)
        return self.days[rng.randrange(a, b)] if b > a else lo

    def in_month(self, rng: random.Random, month: int) -> dt.date:
        return self.pick(rng, dt.date(YEAR, month, 1), _month_end(month))


def _month_end(month: int) -> dt.date:
    return (
        dt.date(YEAR, 12, 31) if month == 12 else dt.date(YEAR, month + 1, 1) - dt.timedelta(days=1)
    )


# ---------------------------------------------------------------------------------------
# 慰问
# ---------------------------------------------------------------------------------------

# (类型, 每次上限, 每人每年上限, 对象): the built-in pack, as `unionxl new` writes it.
VISIT_STANDARDS: tuple[tuple[str, int | None, int | None, str], ...] = tuple(
    (c.type, c.per_visit, c.per_year, c.target) for c in packs.VISIT_CAPS
)
POLICY = packs.FUJIAN_2018
FESTIVAL, BIRTHDAY = "节日慰问", "生日慰问"
HOSPITAL_VISIT, SURGERY, CHILDBIRTH = "住院慰问", "住院慰问（手术）", "生育慰问"
MEMBER_DEATH, RELATIVE_DEATH, RETIREMENT = "会员去世慰问", "直系亲属去世慰问", "退休慰问"
TYPE_ORDER = {t[0]: i for i, t in enumerate(VISIT_STANDARDS)}

# festival -> (gift in yuan, 事由); the four add up to 1,250 (cap 1,300)
FESTIVAL_GIFTS = {
    "春节": (450, "2023年春节慰问品（大米、食用油）"),
    "劳动节": (200, "五一劳动节慰问品（水果）"),
    "端午": (200, "端午节慰问品（粽子、咸鸭蛋）"),
    "中秋": (400, "中秋节慰问品（月饼、茶叶）"),
}
FESTIVAL_KEEP_ORDER = ("春节", "中秋", "端午", "劳动节")  # dropped from the end when too big
BIRTHDAY_GIFTS = (200, 250, 260, 280, 300)
BIRTHDAY_REASONS = ("生日蛋糕及鲜花", "生日慰问品（蛋糕）", "生日蛋糕")
RELATIVES = ("父亲病故", "母亲病故", "配偶病故", "父亲病故", "母亲病故")


@dataclass(slots=True)
class Visit:
    date: dt.date
    member: Member
    kind: str
    fen: int
    form: str
    handler: str
    reason: str


@dataclass
class Visits:
    rows: list[Visit]
    festivals: list[str]
    # ledger lines: (date, dept, label, people, fen)
    festival_lines: list[tuple[dt.date, int, str, int, int]]
    birthday_lines: list[tuple[dt.date, int, int, int, int]]  # (date, dept, month, people, fen)
    special: list[Visit]


def make_visits(people: Sequence[Member], cal: Calendar, seed: int) -> Visits:
    rng = rng_for(seed, "visits")
    names = Names(rng_for(seed, "handlers"))
    handlers = [names("女" if rng.random() < 0.6 else "男") for _ in DEPTS]
    fests = festival_dates(YEAR)
    in_service = [m for m in people if m.status == IN_SERVICE]
    recipients = [m for m in people if m.status in (IN_SERVICE, RETIRED)]
    by_dept: dict[int, list[Member]] = defaultdict(list)
    for m in recipients:
        by_dept[m.dept].append(m)
    start, end = dt.date(YEAR, 1, 3), dt.date(YEAR, 12, 28)

    # Special visits first: they are few, and the festival rounds must fit around them.
    special: list[Visit] = []
    settled = [m for m in recipients if m.joined < dt.date(YEAR, 11, 1)]
    a = len(in_service)

    def sample(pool: list[Member], share: float) -> list[Member]:
        return rng.sample(pool, min(len(pool), round(a * share)))

    def day_after(m: Member) -> dt.date:
        return cal.pick(rng, max(start, m.joined + dt.timedelta(days=1)), end)

    for m in sample(settled, 0.010):
        special.append(
            Visit(
                day_after(m),
                m,
                HOSPITAL_VISIT,
                rng.choice((300, 400, 500)) * 100,
                rng.choice(("慰问金", "慰问品")),
                handlers[m.dept],
                "住院治疗",
            )
        )
    for m in sample(settled, 0.004):
        special.append(
            Visit(
                day_after(m),
                m,
                SURGERY,
                rng.choice((800, 1000)) * 100,
                "慰问金",
                handlers[m.dept],
                "住院手术治疗",
            )
        )
    mothers = [
        m
        for m in settled
        if m.status == IN_SERVICE and m.gender == "女" and YEAR - 40 <= m.birth.year <= YEAR - 24
    ]
    for m in sample(mothers, 0.008):
        special.append(
            Visit(
                day_after(m),
                m,
                CHILDBIRTH,
                rng.choice((300, 500, 500)) * 100,
                "慰问品",
                handlers[m.dept],
                "生育（育儿用品）",
            )
        )
    for m in sample(settled, 0.006):
        special.append(
            Visit(
                day_after(m),
                m,
                RELATIVE_DEATH,
                rng.choice((800, 1000, 1000)) * 100,
                "慰问金",
                handlers[m.dept],
                rng.choice(RELATIVES),
            )
        )
    for m in people:
        if m.status == DEAD and m.event is not None:
            day = cal.pick(rng, max(start, m.event), min(end, m.event + dt.timedelta(days=10)))
            special.append(
                Visit(
                    day,
                    m,
                    MEMBER_DEATH,
                    2000 * 100,
                    "慰问金",
                    handlers[m.dept],
                    "会员病故（家属代领）",
                )
            )
        elif m.status == RETIRED and m.event is not None and m.event <= dt.date(YEAR, 12, 20):
            day = cal.pick(
                rng, m.event + dt.timedelta(days=3), min(end, m.event + dt.timedelta(days=30))
            )
            special.append(
                Visit(
                    day,
                    m,
                    RETIREMENT,
                    500 * 100,
                    "慰问品",
                    handlers[RETIREE_INDEX],
                    "光荣退休纪念品",
                )
            )

    # As many festival rounds as fit on one sheet (title + header + rows <= Excel's limit).
    room = EXCEL_MAX_ROWS - 2 - len(special) - a
    keep = set()
    for fest in FESTIVAL_KEEP_ORDER:
        room -= len(recipients)
        if room < 0:
            break
        keep.add(fest)
    festivals = [f for f in FESTIVAL_GIFTS if f in keep]

    rows: list[Visit] = list(special)
    festival_lines = []
    for fest in festivals:
        day_of = fests[fest]
        yuan, reason = FESTIVAL_GIFTS[fest]
        for dept in sorted(by_dept):
            day = cal.pick(
                rng, max(start, day_of - dt.timedelta(days=25)), day_of - dt.timedelta(days=3)
            )
            given = [
                Visit(day, m, FESTIVAL, yuan * 100, "慰问品", handlers[dept], reason)
                for m in by_dept[dept]
                if m.joined <= day
            ]
            rows.extend(given)
            if given:
                festival_lines.append((day, dept, fest, len(given), yuan * 100 * len(given)))

    birthday_lines = []
    gifts = [rng.choice(BIRTHDAY_GIFTS) * 100 for _ in DEPTS]
    by_dept_month: dict[tuple[int, int], list[Member]] = defaultdict(list)
    for m in in_service:
        by_dept_month[m.dept, m.birth.month].append(m)
    for (dept, month), group in sorted(by_dept_month.items()):
        day = cal.in_month(rng, month)
        reason = rng.choice(BIRTHDAY_REASONS)
        given = [
            Visit(day, m, BIRTHDAY, gifts[dept], "慰问品", handlers[dept], reason)
            for m in group
            if m.joined <= day
        ]
        rows.extend(given)
        if given:
            birthday_lines.append((day, dept, month, len(given), gifts[dept] * len(given)))

    rows.sort(key=lambda v: (v.date, v.member.dept, TYPE_ORDER[v.kind], v.member.no))
    return Visits(rows, festivals, festival_lines, birthday_lines, special)


# ---------------------------------------------------------------------------------------
# 捐款
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Campaign:
    name: str
    start: dt.date
    end: dt.date
    total: int  # yuan, the bank receipt
    donors_per_3000: int
    menu: tuple[tuple[int, float], ...]  # (amount in yuan, weight); 0 = one day's pay
    women: float  # weight of a woman relative to a man when picking donors


CAMPAIGN_LIST = (
    Campaign(
        "慈善一日捐",
        dt.date(YEAR, 4, 10),
        dt.date(YEAR, 4, 28),
        117_228,
        800,
        ((50, 0.20), (100, 0.35), (200, 0.15), (300, 0.04), (500, 0.03), (1000, 0.005), (0, 0.225)),
        1.0,
    ),
    Campaign(
        "母亲健康1+1",
        dt.date(YEAR, 5, 8),
        dt.date(YEAR, 5, 26),
        41_215,
        400,
        ((20, 0.10), (50, 0.30), (100, 0.30), (200, 0.08), (500, 0.02), (0, 0.20)),
        9.0,
    ),
)


def _nice(value: float) -> int:
    """Round like a person would: to 10 from 100 up, to 5 from 20 up, else to 1 (min 1)."""
    step = 10 if value >= 100 else 5 if value >= 20 else 1
    return max(1, round(value / step) * step)


def donation_amounts(rng: random.Random, campaign: Campaign, n: int) -> list[int]:
    """n whole-yuan gifts summing exactly to campaign.total (which is ≥ n).

    Most give a round amount from the menu (scaled when the office is unusually small or
    large); 'one day's pay' donors get uneven amounts that absorb the rest exactly.
    """
    if n == 0:
        return []
    values = [v for v, _ in campaign.menu]
    cum = list(_cumulative(w for _, w in campaign.menu))
    picks = [values[bisect_right(cum, rng.random() * cum[-1])] for _ in range(n)]
    # 1 at the reference size (3,000 members); larger offices give less each, smaller more
    scale = campaign.donors_per_3000 / n
    amounts = [_nice(v * scale) if v else 0 for v in picks]
    flexible = [i for i, v in enumerate(picks) if not v]
    if not flexible:
        flexible = [n - 1]
        amounts[n - 1] = 0
    rest = campaign.total - sum(amounts)
    for i in range(n - 1, -1, -1):  # too little left for the day's-pay donors: make some flexible
        if rest >= len(flexible):
            break
        if amounts[i]:
            rest += amounts[i]
            amounts[i] = 0
            flexible.append(i)
    flexible.sort()
    weights = [rng.uniform(0.6, 1.6) for _ in flexible]
    share = rest - len(flexible)  # everyone gets at least 1
    total_w = sum(weights)
    parts = [math.floor(share * w / total_w) for w in weights]
    left = share - sum(parts)
    for k in range(len(parts) - 1, len(parts) - 1 - left, -1):  # the last rows take the remainder
        parts[k] += 1
    for i, p in zip(flexible, parts, strict=True):
        amounts[i] = p + 1
    assert sum(amounts) == campaign.total and min(amounts) >= 1
    return amounts


@dataclass(slots=True)
class Donation:
    campaign: str
    member: Member | None
    name: str
    dept: int
    yuan: int
    date: dt.date


def make_donations(people: Sequence[Member], cal: Calendar, seed: int) -> list[Donation]:
    rng = rng_for(seed, "donations")
    names = Names(rng_for(seed, "donors"))
    in_service = [m for m in people if m.status == IN_SERVICE]
    scale = len(people) / 3000
    rows: list[Donation] = []
    for campaign in CAMPAIGN_LIST:
        n = min(
            round(campaign.donors_per_3000 * scale),
            campaign.total // 10,
            int(len(in_service) * 0.9) + 1,
        )
        outsiders = max(1, round(n * 0.004)) if n > 1 else 0
        keen = [rng.uniform(0.4, 1.6) for _ in DEPTS]

        def key(m: Member, keen: list[float] = keen, campaign: Campaign = campaign) -> float:
            weight = keen[m.dept] * (campaign.women if m.gender == "女" else 1.0)
            return rng.random() ** (1 / weight)

        keys = [(key(m), i) for i, m in enumerate(in_service)]
        keys.sort(reverse=True)
        donors: list[tuple[Member | None, str, int]] = [
            (in_service[i], in_service[i].name, in_service[i].dept)
            for _, i in keys[: n - outsiders]
        ]
        taken: set[str] = set()
        for _ in range(outsiders):  # a few non-member donors (e.g. 外聘人员), 工号 blank
            name = names("女" if rng.random() < 0.5 else "男")
            while name in taken:
                name = names("女")
            taken.add(name)
            donors.append((None, name, rng.randrange(RETIREE_INDEX)))
        dates = [cal.pick(rng, campaign.start, campaign.end) for _ in DEPTS]
        donors.sort(key=lambda d: (d[2], d[0] is None, d[0].no if d[0] else d[1]))
        amounts = donation_amounts(rng, campaign, len(donors))
        for (member, name, dept), yuan in zip(donors, amounts, strict=True):
            rows.append(Donation(campaign.name, member, name, dept, yuan, dates[dept]))
    return rows


# ---------------------------------------------------------------------------------------
# 经费
# ---------------------------------------------------------------------------------------

# (科目, 摘要, min yuan, max yuan, step yuan (0: to the fen), weight, months, by a 二级工会)
EXPENSE_TEMPLATES: tuple[tuple[str, str, int, int, int, float, tuple[int, ...], bool], ...] = (
    ("文体活动支出", "教职工羽毛球赛场地费", 600, 4800, 10, 6, (), True),
    ("文体活动支出", "教职工气排球比赛奖品", 1500, 9000, 0, 4, (4, 5, 10, 11), False),
    ("文体活动支出", "教职工篮球赛服装", 3000, 12000, 10, 2, (4, 5, 10), False),
    ("文体活动支出", "教职工乒乓球比赛器材", 400, 3000, 0, 3, (), True),
    ("文体活动支出", "迎新春教职工联欢会节目排练", 2000, 8000, 10, 2, (1,), True),
    ("文体活动支出", "教职工健步走活动纪念品", 1000, 6000, 0, 3, (3, 4, 10, 11), True),
    ("文体活动支出", "教职工合唱比赛服装租赁", 1200, 5000, 10, 2, (5, 6, 12), True),
    ("文体活动支出", "教职工太极拳培训授课费", 800, 3000, 100, 2, (), False),
    ("文体活动支出", "教职工书画摄影作品展布展费", 1500, 7000, 0, 1, (5, 6, 11), False),
    ("文体活动支出", "教职工趣味运动会奖品", 1200, 8000, 0, 3, (4, 5, 10, 11), True),
    ("文体活动支出", "教职工瑜伽兴趣小组场地费", 300, 1500, 10, 3, (), True),
    ("会员活动支出", "教职工观影活动", 1500, 9000, 10, 3, (), True),
    ("会员活动支出", "三八节活动", 1000, 8000, 0, 4, (3,), True),
    ("会员活动支出", "女教职工插花手工活动", 800, 3500, 0, 2, (3, 5, 9), True),
    ("会员活动支出", "教职工春游活动交通费", 1500, 6000, 10, 3, (3, 4, 5), True),
    ("会员活动支出", "教职工秋游活动交通费", 1500, 6000, 10, 3, (10, 11), True),
    ("职工教育支出", "职工书屋图书采购", 2000, 15000, 0, 2, (), False),
    ("职工教育支出", "教职工读书分享会", 500, 3000, 0, 2, (4, 10, 11), True),
    ("职工教育支出", "心理健康讲座讲课费", 1000, 3000, 100, 2, (), False),
    ("职工教育支出", "青年教师教学能力培训", 2000, 9000, 10, 2, (), False),
    ("职工教育支出", "护理人员技能培训", 1500, 6000, 10, 2, (), False),
    ("宣传活动支出", "工会宣传栏制作", 800, 4000, 0, 2, (), False),
    ("宣传活动支出", "工会工作简报印刷", 600, 2500, 0, 2, (), False),
    ("宣传活动支出", "劳动节宣传展板", 600, 2000, 0, 1, (4,), False),
    ("宣传活动支出", "工会微信公众号运营服务费", 2000, 6000, 100, 1, (), False),
    ("劳模职工疗休养支出", "劳模职工疗休养费用", 12000, 48000, 100, 2, (4, 5, 6, 9, 10, 11), False),
    ("其他活动支出", "工会小组活动经费", 500, 3000, 10, 4, (), True),
    ("其他活动支出", "女教职工健康知识讲座", 800, 2500, 100, 2, (3, 4, 5), False),
    ("其他活动支出", "青年教职工联谊活动", 1500, 6000, 0, 2, (5, 6, 11), False),
    ("职工服务支出", "青年教师教学技能竞赛奖品", 3000, 12000, 0, 2, (5, 6, 11), False),
    ("职工服务支出", "护理技能竞赛奖品", 2000, 9000, 0, 2, (5, 10), False),
    ("职工服务支出", "二级分会职工之家建设补助", 5000, 20000, 1000, 2, (6, 12), True),
    ("职工服务支出", "爱心妈咪小屋用品", 500, 3000, 0, 1, (), False),
    ("职工服务支出", "职工之家饮水设备维护", 300, 1500, 0, 2, (), False),
    ("维权支出", "困难职工帮扶金（送温暖）", 1000, 5000, 500, 3, (1, 12), False),
    ("维权支出", "法律顾问咨询服务费", 3000, 8000, 1000, 1, (6, 12), False),
    ("维权支出", "女职工权益保护知识竞赛奖品", 800, 4000, 0, 1, (3, 11), False),
    ("维权支出", "劳动保护用品", 500, 4000, 0, 1, (), True),
    ("业务支出", "工会干部培训班费用", 3000, 15000, 10, 2, (), False),
    ("业务支出", "工会委员会会议资料印刷", 200, 1500, 0, 2, (), False),
    ("业务支出", "经费审查委员会工作会议", 300, 1500, 0, 1, (3, 9), False),
    ("业务支出", "工会办公用品", 100, 2500, 0, 4, (), False),
    ("业务支出", "工会干部外出学习差旅费", 800, 6000, 0, 2, (), False),
    ("业务支出", "工会财务软件年度服务费", 2000, 3000, 100, 1, (2,), False),
    ("资本性支出", "职工之家健身器材购置", 8000, 40000, 0, 1, (6, 7, 8), False),
    ("资本性支出", "工会活动室空调购置", 6000, 20000, 0, 1, (5, 6), False),
    ("资本性支出", "工会办公电脑购置", 4000, 12000, 0, 1, (), False),
)
VISIT_ACCOUNT = "会员活动支出"
ACCOUNT_KIND = {name: kind for name, kind, _ in BUILTIN_ACCOUNTS}
CHART_ORDER = {name: i for i, (name, _, _) in enumerate(BUILTIN_ACCOUNTS)}


@dataclass(slots=True)
class Entry:
    date: dt.date
    account: str
    text: str
    fen: int  # income or expense, by the account's kind
    handler: str
    voucher: str = ""


def make_ledger(
    people: Sequence[Member],
    visits: Visits,
    cal: Calendar,
    seed: int,
    dues_out: dict[str, int] | None = None,
) -> tuple[list[Entry], int, list[tuple[str, str, int]]]:
    """(journal, opening balance in fen, budget lines (科目, 类别, fen))."""
    rng = rng_for(seed, "ledger")
    names = Names(rng_for(seed, "staff"))
    clerk, cashier, officer = names("女"), names("女"), names("男")
    entries: list[Entry] = []

    def spend(day: dt.date, account: str, text: str, fen: int) -> None:
        entries.append(Entry(day, account, text, fen, rng.choice((clerk, officer))))

    for day, dept, fest, people_n, fen in visits.festival_lines:
        spend(day, VISIT_ACCOUNT, f"{DEPTS[dept].name}{fest}慰问品（{people_n}人）", fen)
    for day, dept, month, people_n, fen in visits.birthday_lines:
        spend(day, VISIT_ACCOUNT, f"{DEPTS[dept].name}{month}月会员生日慰问品（{people_n}人）", fen)
    for v in visits.special:
        spend(
            v.date, VISIT_ACCOUNT, f"{v.kind}（{DEPTS[v.member.dept].name} {v.member.name}）", v.fen
        )
    for month in range(1, 13):
        day = cal.pick(rng, dt.date(YEAR, month, 20), _month_end(month))
        entries.append(Entry(day, "其他支出", "银行手续费", rng.randint(2500, 18000), cashier))

    fixed = len(entries) + 4 * 2 + 12 + 4 + 4
    others = max(60, round(len(people) / 3) - fixed)
    cum = list(_cumulative(t[5] for t in EXPENSE_TEMPLATES))
    for _ in range(others):
        account, text, lo, hi, step, _w, months, by_dept = EXPENSE_TEMPLATES[
            bisect_right(cum, rng.random() * cum[-1])
        ]
        fen = (
            rng.randint(lo * 100, hi * 100)
            if step == 0
            else rng.randint(lo // step, hi // step) * step * 100
        )
        month = rng.choice(months) if months else rng.randint(1, 12)
        if by_dept:
            text = DEPTS[rng.randrange(RETIREE_INDEX)].name + text
        spend(cal.in_month(rng, month), account, text, fen)

    expense = sum(e.fen for e in entries)
    a = sum(1 for m in people if m.status == IN_SERVICE)
    scale = len(people) / 3000
    opening = round(OPENING_FEN_PER_3000 * scale)

    def earn(day: dt.date, account: str, text: str, fen: int) -> None:
        entries.append(Entry(day, account, text, fen, clerk))

    # 会费: 0.5% of each in-service member's pay, deducted monthly.
    dues = {m.no: rng.randint(3200, 8800) for m in people if m.status == IN_SERVICE}
    # 0.5% of a wage base in whole tens of yuan (台账格式 §3b): a multiple of 5 fen
    dues = {no: fen - fen % 5 for no, fen in dues.items()}
    if dues_out is not None:
        dues_out.update(dues)
    joined = {m.no: m.joined for m in people}
    income = 0
    for month in range(1, 13):
        end = _month_end(month)
        fen = sum(f for no, f in dues.items() if joined[no] <= end)
        earn(
            cal.pick(rng, dt.date(YEAR, month, 12), dt.date(YEAR, month, 18)),
            "会费收入",
            f"会费收入{month}月",
            fen,
        )
        income += fen
    grants = [
        (
            dt.date(YEAR, 3, 1),
            dt.date(YEAR, 3, 20),
            "行政补助收入",
            "学校行政补助（教职工文体活动经费）",
            a * 200,
        ),
        (
            dt.date(YEAR, 6, 1),
            dt.date(YEAR, 6, 20),
            "行政补助收入",
            "附属医院行政补助（职工之家建设）",
            a * 60,
        ),
        (dt.date(YEAR, 4, 3), dt.date(YEAR, 4, 21), "上级补助收入", "市总工会回拨经费", a * 15),
        (
            dt.date(YEAR, 11, 1),
            dt.date(YEAR, 11, 20),
            "上级补助收入",
            "省教育工会专项补助（困难职工帮扶）",
            round(20000 * scale),
        ),
    ]
    for lo, hi, account, text, yuan in grants:
        fen = yuan * 100 + rng.randint(-yuan * 5, yuan * 5)  # within 5%, to the fen
        earn(cal.pick(rng, lo, hi), account, text, fen)
        income += fen
    for quarter in range(1, 5):
        fen = round(opening * rng.uniform(0.0008, 0.0012))
        earn(
            cal.pick(rng, dt.date(YEAR, quarter * 3, 21), dt.date(YEAR, quarter * 3, 25)),
            "其他收入",
            "银行存款利息",
            fen,
        )
        income += fen
    # 拨缴经费 (the union's share of 2% of payroll) closes the gap: the year ends 1-6% up.
    allocation = round(expense * rng.uniform(1.01, 1.06)) - income
    weights = [rng.uniform(0.22, 0.28) for _ in range(4)]
    for quarter, w in enumerate(weights, start=1):
        share = (
            round(allocation * w / sum(weights))
            if quarter < 4
            else allocation - sum(round(allocation * x / sum(weights)) for x in weights[:3])
        )
        school = round(share * 0.62)
        first = dt.date(YEAR, quarter * 3 - 2, 5)
        earn(
            cal.pick(rng, first, first + dt.timedelta(days=12)),
            "拨缴经费收入",
            f"收到{YEAR}年第{quarter}季度拨缴经费（学校）",
            school,
        )
        earn(
            cal.pick(rng, first, first + dt.timedelta(days=12)),
            "拨缴经费收入",
            f"收到{YEAR}年第{quarter}季度拨缴经费（附属医院）",
            share - school,
        )

    entries.sort(
        key=lambda e: (e.date, ACCOUNT_KIND[e.account] != "收入", CHART_ORDER[e.account], e.text)
    )
    per_month = Counter(e.date.month for e in entries)
    width = max(3, len(str(max(per_month.values()))))
    seq: Counter[int] = Counter()
    for e in entries:
        seq[e.date.month] += 1
        e.voucher = f"记-{e.date.month:02d}-{seq[e.date.month]:0{width}d}"

    actual: Counter[str] = Counter()
    for e in entries:
        actual[e.account] += e.fen
    budget = []
    for account, kind, _parent in BUILTIN_ACCOUNTS:
        if account not in actual:
            continue  # budget lines for the accounts in use (职工活动支出 only through its children)
        if kind == "收入":
            fen = round(actual[account] * rng.uniform(0.96, 1.03) / 100_000) * 100_000
        else:
            target = actual[account] / rng.uniform(0.86, 0.98)
            unit = 100_000 if target < 20_000_000 else 1_000_000  # to 1,000 or 10,000 yuan
            fen = math.ceil(target / unit) * unit
        budget.append((account, kind, max(fen, 100_000)))
    # A parent 科目 (职工活动支出) gets the group's budget, just above its children, as
    # real 预算表 show it; totals roll the children's spending up into it.
    parents = {p for _a, _k, p in BUILTIN_ACCOUNTS if p}
    for parent in sorted(parents):
        children = {a for a, _k, p in BUILTIN_ACCOUNTS if p == parent}
        lines = [i for i, (a, _k, _f) in enumerate(budget) if a in children]
        if lines:
            kind = budget[lines[0]][1]
            budget.insert(lines[0], (parent, kind, sum(budget[i][2] for i in lines)))
    return entries, opening, budget


# ---------------------------------------------------------------------------------------
# 提案 and 获奖 (fixed content)
# ---------------------------------------------------------------------------------------

PROPOSALS_FILED = (  # 立案: (案由, 承办部门, 答复日期)
    ("关于增设附属医院职工子女暑期托管班的提案", "校工会、附属医院院办", dt.date(YEAR, 6, 16)),
    ("关于优化新校区教职工通勤班车线路的提案", "后勤管理处", dt.date(YEAR, 7, 7)),
    ("关于完善青年教师周转房管理办法的提案", "国有资产管理处", dt.date(YEAR, 9, 22)),
    ("关于改善附属医院夜班医护人员休息条件的提案", "附属医院院办", dt.date(YEAR, 10, 27)),
)
PROPOSALS_ADVICE = (  # 转意见建议: (案由, 承办部门)
    ("关于在图书馆增设教职工研修室的建议", "图书馆"),
    ("关于简化科研经费报销流程的建议", "科研处、计划财务处"),
    ("关于延长教职工食堂晚餐供应时间的建议", "后勤管理处"),
    ("关于增设校园电动车集中充电设施的建议", "保卫处"),
    ("关于延长游泳馆教职工开放时间的建议", "体育学院"),
    ("关于完善教师教学工作量核算办法的建议", "教务处"),
    ("关于设立教职工心理咨询室的建议", "学生工作部"),
    ("关于提升办公区无线网络覆盖的建议", "信息化建设办公室"),
    ("关于规范校内机动车停放管理的建议", "保卫处"),
    ("关于在各教学楼增设母婴室的建议", "校工会"),
    ("关于改善实验楼通风条件的建议", "国有资产管理处"),
    ("关于优化职称评审材料提交方式的建议", "人事处"),
    ("关于增加教职工羽毛球场地开放时段的建议", "体育学院"),
    ("关于加强校园夜间安全巡查的建议", "保卫处"),
    ("关于完善离退休教职工联系走访制度的建议", "离退休工作处"),
    ("关于开展教职工子女假期活动的建议", "校工会"),
    ("关于改善二号教学楼电梯运行状况的建议", "后勤管理处"),
    ("关于在新校区增设公共自行车的建议", "后勤管理处"),
    ("关于规范办公用房调配的建议", "国有资产管理处"),
    ("关于提高青年教师外出培训经费标准的建议", "人事处"),
    ("关于优化财务报销网上预约系统的建议", "计划财务处"),
    ("关于改善学生宿舍区道路照明的建议", "后勤管理处"),
    ("关于加强附属医院职工停车管理的建议", "附属医院院办"),
    ("关于增加校园饮水点的建议", "后勤管理处"),
)
PROPOSALS_REJECTED = (
    "关于为全体教职工发放交通补贴的提案",
    "关于调整国家法定节假日安排的提案",
)


def make_proposals(people: Sequence[Member], seed: int, delegates: Sequence[Member]) -> list[tuple]:
    """30 提案 of the 二届 教代会, each by a delegate and seconded by other delegates."""
    rng = rng_for(seed, "proposals")
    authors = list(delegates) or [m for m in people if m.status == IN_SERVICE][:1]
    items = (
        [(t, "立案", dept, day) for t, dept, day in PROPOSALS_FILED]
        + [(t, "转意见建议", dept, None) for t, dept in PROPOSALS_ADVICE]
        + [(t, "不予立案", None, None) for t in PROPOSALS_REJECTED]
    )
    rng.shuffle(items)
    rows = []
    for k, (text, result, dept, day) in enumerate(items, start=1):
        seconds = rng.randint(3, 9) if result == "立案" else rng.randint(MIN_PROPOSAL_SECONDS, 6)
        author = rng.choice(authors)
        others = list(dict.fromkeys(m.name for m in authors if m.name != author.name))
        seconders = rng.sample(others, min(seconds, len(others)))
        rows.append(
            (
                f"{YEAR}-{k:02d}",
                text,
                author.name,
                len(seconders),
                result,
                dept,
                day,
                "满意" if day else None,
                TERM,
                author.no,
                "、".join(seconders),
            )
        )
    return rows


def make_awards(people: Sequence[Member], seed: int) -> list[tuple]:
    """The honours of the 2023 work report (1 国家级; 6 省级; 11 市级), plus the school's own."""
    rng = rng_for(seed, "awards")
    women = [m for m in people if m.status == IN_SERVICE and m.gender == "女"] or list(people)
    everyone = [m for m in people if m.status == IN_SERVICE] or list(people)
    colleges = [d.name for d in DEPTS if d.category == "学院"]

    def day() -> dt.date:
        return PERIOD_START + dt.timedelta(days=rng.randrange((PERIOD_END - PERIOD_START).days))

    def family() -> str:
        return f"{rng.choice(everyone).name}家庭"

    rows = [
        ("全国巾帼文明岗", "国家级", f"{HOSPITAL}护理部", "集体"),
        ("福建省巾帼文明岗", "省级", f"{HOSPITAL}妇产科", "集体"),
        ("福建省模范职工之家", "省级", UNION, "集体"),
        ("福建省最美职工家庭", "省级", family(), "家庭"),
        ("福建省三八红旗手", "省级", rng.choice(women).name, "个人"),
        ("福建省五一劳动奖章", "省级", rng.choice(everyone).name, "个人"),
        ("福建省健康家庭", "省级", family(), "家庭"),
    ]
    rows += [("宁德市抗疫最美家庭", "市级", family(), "家庭") for _ in range(8)]
    rows += [
        ("宁德市巾帼文明岗", "市级", f"{HOSPITAL}儿科", "集体"),
        ("宁德市巾帼文明岗", "市级", f"{SCHOOL}外国语学院", "集体"),
        ("宁德市工人先锋号", "市级", f"{HOSPITAL}急诊科", "集体"),
        ("先进分工会", "校级", rng.choice(colleges), "集体"),
        ("先进分工会", "校级", "附属医院护理分工会", "集体"),
        ("模范教职工之家", "校级", rng.choice(colleges), "集体"),
    ]
    picked = rng.sample(everyone, min(len(everyone), 6))
    rows += [("优秀工会干部", "校级", m.name, "个人") for m in picked[:2]]
    rows += [("优秀工会积极分子", "校级", m.name, "个人") for m in picked[2:]]
    return [(YEAR, honour, level, who, kind, None, day()) for honour, level, who, kind in rows]


# ---------------------------------------------------------------------------------------
# Part two (台账格式 §2b): 活动, 走访, 医疗互助, 会费, 代表, 换届 — the 2023 work report
# covers 2022-06-01 … 2023-06-30 (设置 报告期开始/报告期结束)
# ---------------------------------------------------------------------------------------

PERIOD_START, PERIOD_END = dt.date(YEAR - 1, 6, 1), dt.date(YEAR, 6, 30)
REPORTS_DATED = dt.date(YEAR, 7, 10)  # the 落款 of the reports, after the period
RETREAT_DAYS = 5  # 设置 疗休养最长天数
TERM = "二届"  # the 教代会 whose delegates and 提案 the example keeps
ELECTED_DEPTS = 11  # 二级工会 that held their 换届 in April 2023
UNION_HOST = "校工会"
PLAN = "住院医疗互助"


def in_service(people: Sequence[Member]) -> list[Member]:
    return [m for m in people if m.status == IN_SERVICE]


def make_departments(people: Sequence[Member], seed: int) -> list[tuple]:
    """部门 rows: 类别, 主席 (an 在职 member of it), 换届日期, 届期 (eleven in April 2023)."""
    rng = rng_for(seed, "departments")
    by_dept: dict[int, list[Member]] = defaultdict(list)
    for m in in_service(people):
        by_dept[m.dept].append(m)
    elected = set(rng.sample(range(RETIREE_INDEX), ELECTED_DEPTS))
    rows = []
    for i, d in enumerate(DEPTS):
        staff = by_dept.get(i, [])
        chair = rng.choice(staff).no if staff else None
        if i in elected:
            day = dt.date(YEAR, 4, rng.randint(3, 28))
        else:
            day = dt.date(rng.choice((YEAR - 4, YEAR - 3, YEAR - 2)), rng.randint(3, 6), 15)
        rows.append((d.name, d.category, chair, day, 5))
    return rows


def make_delegates(people: Sequence[Member], seed: int) -> list[Member]:
    """The 二届 教代会: about one 在职 member in twenty, every 二级工会 represented."""
    rng = rng_for(seed, "delegates")
    staff = in_service(people)
    by_dept: dict[int, list[Member]] = defaultdict(list)
    for m in staff:
        by_dept[m.dept].append(m)
    chosen: list[Member] = []
    for i in sorted(by_dept):
        pool = by_dept[i]
        chosen += rng.sample(pool, max(1, min(len(pool), round(len(pool) / 20))))
    return sorted(chosen, key=lambda m: (m.dept, m.no))


def delegate_group(m: Member) -> str:
    return {"附属医院": "附属医院代表团", "学院": "教学单位代表团"}.get(
        DEPTS[m.dept].category, "机关直属代表团"
    )


Event = tuple  # (编号, 名称, 类型, 系列, 主办, 开始, 结束, 对象, 参与人数, 支出 fen)


def make_activities(people: Sequence[Member], seed: int) -> tuple[list[Event], list[tuple]]:
    """活动 and 活动参与 as the 2023 work report tells them."""
    rng = rng_for(seed, "activities")
    staff = in_service(people)
    retired = [m for m in people if m.status in (RETIRED, LIXIU)]
    names = Names(rng_for(seed, "relatives"))
    events: list[Event] = []
    joined: list[tuple] = []
    count = 0

    def event(
        name: str,
        kind: str,
        start: dt.date,
        *,
        days: int = 1,
        series: str | None = None,
        target: str | None = None,
        listed: int = 0,
        written: int | None = None,
        fen: int | None = None,
        pool: Sequence[Member] = staff,
        prizes: Sequence[tuple[str, int, int]] = (),  # (名次, people, 奖品 fen)
        souvenir: int = 0,
        family: int = 0,
        helpers: int = 0,
    ) -> None:
        nonlocal count
        count += 1
        number = f"HD{start.year}-{count:02d}"
        who = rng.sample(list(pool), min(listed + helpers, len(pool)))
        players, staff_rows = who[:listed], who[listed:]
        winners = [(place, fen_) for place, n, fen_ in prizes for _ in range(n)]
        for k, m in enumerate(players):
            place, prize = winners[k] if k < len(winners) else (None, 0)
            role = "参赛" if kind == "比赛" else "参加"
            joined.append(
                (
                    number,
                    m.no,
                    m.name,
                    role,
                    place,
                    Fen(prize) if prize else None,
                    Fen(souvenir) if souvenir else None,
                    m.name,
                )
            )
        for m in staff_rows:
            joined.append((number, m.no, m.name, "工作人员", None, None, None, m.name))
        for _ in range(family):
            relative = names(rng.choice("男女"))
            joined.append((number, None, relative, "家属", None, None, None, relative))
        end = start + dt.timedelta(days=days - 1) if days > 1 else None
        total = len(players) if written is None else written
        events.append(
            (
                number,
                name,
                kind,
                series,
                UNION_HOST,
                start,
                end,
                target,
                total,
                None if fen is None else Fen(fen),
            )
        )

    places = ("浙江安吉", "福建武夷山", "福建泰宁", "江西婺源", "福建屏南", "福建霞浦")
    starts = (
        dt.date(YEAR - 1, 10, 17),
        dt.date(YEAR - 1, 11, 14),
        dt.date(YEAR, 3, 13),
        dt.date(YEAR, 4, 10),
        dt.date(YEAR, 5, 8),
        dt.date(YEAR, 6, 5),
    )
    retreat_fen = (2_780_000, 2_750_000, 2_760_000, 2_790_000, 2_770_000, 2_780_000)
    for k, (place, day, fen) in enumerate(zip(places, starts, retreat_fen, strict=True), 1):
        event(
            f"第{k}期教职工疗休养（{place}）", "疗休养", day, days=RETREAT_DAYS, listed=30, fen=fen
        )
    festival = "我们的节日"
    for k, day in enumerate(
        (dt.date(YEAR - 1, 9, 2), dt.date(YEAR - 1, 9, 5), dt.date(YEAR - 1, 9, 6)), 1
    ):
        event(
            f"“我们的节日·中秋”月饼DIY（第{k}场）",
            "文体活动",
            day,
            series=festival,
            listed=35,
            family=5,
            souvenir=3_000,
            fen=150_000,
        )
    event(
        "第四届“最佳一节课”教学比赛",
        "比赛",
        dt.date(YEAR - 1, 11, 23),
        days=2,
        listed=24,
        prizes=(("一等奖", 2, 80_000), ("二等奖", 4, 50_000), ("三等奖", 6, 30_000)),
        fen=720_000,
    )
    event(
        "青年教职工联谊会",
        "联谊",
        dt.date(YEAR - 1, 11, 19),
        listed=40,
        souvenir=5_000,
        fen=600_000,
    )
    event(
        "离退休教职工秋游（霍童古镇）",
        "春秋游",
        dt.date(YEAR - 1, 10, 26),
        target="退休",
        listed=min(40, len(retired)),
        pool=retired,
        fen=480_000,
    )
    for k, (day, n) in enumerate(
        ((dt.date(YEAR - 1, 12, 8), 215), (dt.date(YEAR, 3, 23), 238), (dt.date(YEAR, 5, 25), 226)),
        1,
    ):
        event(f"工会干部网络培训（第{k}讲）", "培训", day, target="在职", written=n, fen=0)
    series = "第三届文体活动月"
    contests = (  # (名称, 日期, 参赛, 获奖 (名次, 人数, 奖品 fen), 支出 fen)
        (
            "拔河比赛",
            dt.date(YEAR, 4, 20),
            120,
            (("一等奖", 10, 10_000), ("二等奖", 10, 8_000), ("三等奖", 10, 6_000)),
            1_620_000,
        ),
        (
            "扑克牌80分比赛",
            dt.date(YEAR, 4, 27),
            64,
            (("一等奖", 2, 20_000), ("二等奖", 2, 15_000), ("三等奖", 4, 10_000)),
            520_000,
        ),
        (
            "气排球比赛",
            dt.date(YEAR, 5, 11),
            96,
            (("一等奖", 12, 10_000), ("二等奖", 12, 8_000), ("三等奖", 12, 6_000)),
            1_970_000,
        ),
        (
            "8×100米接力赛",
            dt.date(YEAR, 5, 18),
            40,
            (("一等奖", 8, 10_000), ("二等奖", 8, 8_000), ("三等奖", 8, 6_000)),
            830_000,
        ),
    )
    for name, day, n, prizes, fen in contests:
        event(
            f"{series}·{name}",
            "比赛",
            day,
            series=series,
            listed=n,
            prizes=prizes,
            souvenir=3_000,
            helpers=2,
            fen=fen,
        )
    event("无偿献血志愿服务", "志愿服务", dt.date(YEAR, 3, 5), written=52, fen=0)
    event("社区义诊志愿服务", "志愿服务", dt.date(YEAR, 5, 20), listed=30, fen=90_000)
    return events, joined


RETIREE_VISITS = (  # (类型, 人次, 金额 fen, 资金来源, 情况)
    ("重大节日", 12, 50_000, "行政经费", "春节前上门走访慰问"),
    ("生病住院", 12, 30_000, "工会经费", "住院期间到医院探望"),
    ("丧事", 3, 50_000, "工会经费", "配偶病故，上门吊唁慰问家属"),
    ("特殊困难", 4, 100_000, "工会经费", "家庭生活困难，上门慰问并了解需求"),
    ("突发变故", 2, 200_000, "工会经费", "家中突发变故，上门慰问"),
    ("其他", 3, 30_000, "工会经费", "九十岁寿辰上门祝寿"),
)


def make_retiree_visits(people: Sequence[Member], cal: Calendar, seed: int) -> list[tuple]:
    rng = rng_for(seed, "retirees")
    retired = [m for m in people if m.status in (RETIRED, LIXIU)]
    visitors = Names(rng_for(seed, "visitors"))
    team = [visitors("女"), visitors("男"), visitors("女")]
    rows = []
    for kind, n, fen, source, note in RETIREE_VISITS:
        for m in rng.sample(retired, min(n, len(retired))):
            if kind == "重大节日":
                day = cal.pick(rng, dt.date(YEAR, 1, 9), dt.date(YEAR, 1, 19))
            else:
                day = cal.pick(rng, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 20))
            closed = day + dt.timedelta(days=rng.choice((0, 0, 1, 3)))
            rows.append((day, m.no, m.name, kind, rng.choice(team), Fen(fen), source, note, closed))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def make_mutual_aid(
    people: Sequence[Member], cal: Calendar, seed: int
) -> tuple[list[tuple], list[tuple]]:
    """住院医疗互助 for 2023: most 在职 members enrolled (60 yuan each, the union adds 30),
    35 claims the office helped to file."""
    rng = rng_for(seed, "mutual")
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    enrolled = [m for m in in_service(people) if m.joined <= start and rng.random() < 0.96]
    enrolment = [(start, end, PLAN, m.no, m.name, 1, Fen(6_000), Fen(3_000)) for m in enrolled]
    claims = []
    for k, m in enumerate(
        sorted(rng.sample(enrolled, min(35, len(enrolled))), key=lambda m: m.no), 1
    ):
        admitted = cal.pick(rng, dt.date(YEAR, 1, 5), dt.date(YEAR, 11, 20))
        days = rng.randint(3, 15)
        discharged = admitted + dt.timedelta(days=days)
        total = rng.randint(300_000, 4_000_000)
        own = round(total * rng.uniform(0.3, 0.45))
        approved = round(own * 0.5)
        paid = discharged + dt.timedelta(days=rng.randint(20, 35))
        claims.append(
            (
                f"HZ{YEAR}-{k:03d}",
                m.no,
                m.name,
                PLAN,
                admitted,
                discharged,
                days,
                Fen(total),
                Fen(own),
                Fen(approved),
                paid,
            )
        )
    return enrolment, claims


def make_dues(people: Sequence[Member], dues: dict[str, int]) -> list[tuple]:
    """One row per 在职 member and month, as a payroll export gives it: 工资基数 in tens of
    yuan and the 0.5% deducted (实缴, the amounts the ledger's monthly 会费收入 adds up);
    应缴 left blank, so unionxl computes it."""
    rows: list[tuple] = []
    by_no = {m.no: m for m in people}
    per_month = len(dues)
    months = min(12, (EXCEL_MAX_ROWS - 3) // max(per_month, 1))  # one sheet: a very large
    # office keeps the first months only (its 会费 then differ from the ledger: a warning)
    for month in range(1, months + 1):
        last = _month_end(month)
        for no, fen in dues.items():
            m = by_no[no]
            if m.joined <= last:
                rows.append((f"{YEAR}-{month:02d}", no, m.name, Fen(fen * 200), None, Fen(fen)))
    return rows


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------

WIDTHS = {
    "工号": 12,
    "姓名": 9,
    "性别": 6,
    "身份证号": 21,
    "出生日期": 12,
    "部门": 24,
    "入会日期": 12,
    "状态": 7,
    "手机": 14,
    "日期": 12,
    "凭证号": 12,
    "科目": 18,
    "摘要": 44,
    "收入": 15,
    "支出": 15,
    "经手人": 9,
    "活动": 14,
    "金额": 12,
    "类型": 18,
    "形式": 9,
    "经办人": 9,
    "事由": 32,
    "编号": 10,
    "案由": 52,
    "提案人": 9,
    "附议人数": 10,
    "审查结果": 12,
    "承办部门": 22,
    "答复日期": 12,
    "满意度": 9,
    "年度": 7,
    "荣誉": 26,
    "级别": 8,
    "获奖对象": 30,
    "对象类型": 10,
    "项目": 20,
    "值": 22,
    "类别": 10,
    "预算数": 16,
    "开始日期": 12,
    "结束日期": 12,
    "到账金额": 15,
    "每次上限": 12,
    "每人每年上限": 14,
    "对象": 8,
    "依据": 20,
}
TEXT_KINDS = (Kind.CODE, Kind.IDCARD, Kind.PHONE)


class Book:
    """One workbook, written with XlsxWriter; `sheet()` writes a table from row tuples."""

    def __init__(self, path: Path, rows: int, title: str) -> None:
        self.path = path
        self.wb = xlsxwriter.Workbook(str(path), {"constant_memory": rows >= BIG_WORKBOOK_ROWS})
        self.wb.set_properties(
            {"title": title, "author": UNION, "company": UNION, "created": CREATED}
        )
        add = self.wb.add_format
        self.title = add({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        self.note = add({"align": "right", "font_color": "#595959"})
        self.header = add(
            {
                "bold": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#DDEBF7",
                "border": 1,
            }
        )
        self.text = add({"num_format": "@"})
        self.date = add({"num_format": "yyyy-mm-dd", "align": "center"})
        self.money = add({"num_format": "#,##0.00"})
        self.center = add({"align": "center"})
        self.counts: dict[str, int] = {}

    def sheet(
        self,
        spec: TableSpec,
        rows: Sequence[Sequence[object]],
        *,
        title: str | None = None,
        note: str | None = None,
        extra: Sequence[str] = (),
        choices: dict[str, Sequence[str]] | None = None,
    ) -> None:
        """Header names come from `spec` (plus `extra` columns); one tuple per row."""
        ws = self.wb.add_worksheet(spec.name)
        headers = [c.name for c in spec.columns] + list(extra)
        kinds = [c.kind for c in spec.columns] + [Kind.TEXT] * len(extra)
        text_formats = [self.text if k in TEXT_KINDS else None for k in kinds]
        for c, (name, kind) in enumerate(zip(headers, kinds, strict=True)):
            fmt = (
                self.text
                if kind in TEXT_KINDS
                else self.date
                if kind is Kind.DATE
                else self.money
                if kind is Kind.MONEY
                else None
            )
            ws.set_column(c, c, WIDTHS.get(name, 12), fmt)
        r = 0
        if title:
            ws.set_row(0, 30)
            ws.merge_range(0, 0, 0, len(headers) - 1, title, self.title)
            r = 1
        if note:
            ws.write_string(r, len(headers) - 1, note, self.note)
            r += 1
        header_row = r
        ws.set_row(header_row, 20)
        for c, name in enumerate(headers):
            ws.write_string(header_row, c, name, self.header)
        first = header_row + 1
        write_s, write_n = ws.write_string, ws.write_number
        date_f, money_f, center_f = self.date, self.money, self.center
        for r, row in enumerate(rows, start=first):
            for c, v in enumerate(row):
                t = type(v)
                if t is str:
                    if v:
                        write_s(r, c, v, text_formats[c])
                elif t is dt.date:
                    write_n(r, c, v.toordinal() - EPOCH_ORDINAL, date_f)
                elif t is Fen:
                    write_n(r, c, v / 100, money_f)
                elif t is int:
                    write_n(r, c, v, center_f)
                elif v is not None:
                    raise TypeError(f"{spec.name}: unexpected {t.__name__} {v!r}")
        last = first + len(rows) - 1
        ws.freeze_panes(first, 0)
        ws.autofilter(header_row, 0, max(last, header_row), len(headers) - 1)
        for name, allowed in (choices or {}).items():
            c = headers.index(name)
            ws.data_validation(
                first, c, max(last, first), c, {"validate": "list", "source": list(allowed)}
            )
        self.counts[spec.name] = len(rows)

    def close(self) -> Path:
        self.wb.close()
        return self.path


def write_members(
    folder: Path, people: Sequence[Member], departments: Sequence[tuple]
) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_MEMBERS, len(people), "会员名册")
    rows = [
        (m.no, m.name, m.gender, m.idcard, m.birth, DEPTS[m.dept].name, m.joined, m.status, m.phone)
        for m in people
    ]
    book.sheet(
        MEMBERS,
        rows,
        title=f"{UNION}会员名册",
        choices={"性别": ("男", "女"), "状态": (IN_SERVICE, RETIRED, LIXIU, MOVED, DEAD)},
    )
    book.sheet(DEPARTMENTS, departments)
    return book.close(), book.counts


def write_funds(
    folder: Path, entries: Sequence[Entry], opening: int, budget: Sequence[tuple[str, str, int]]
) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_FUNDS, len(entries), f"{YEAR}年经费收支")
    book.sheet(
        SETTINGS,
        [
            ("单位名称", UNION),
            ("年度", YEAR),
            ("上年结余", Fen(opening)),
            ("提案附议最少人数", MIN_PROPOSAL_SECONDS),
            ("报告期开始", PERIOD_START, None, "本年度工作报告所述期间"),
            ("报告期结束", PERIOD_END, None, "本年度工作报告所述期间"),
            ("疗休养最长天数", RETREAT_DAYS, "本校工会〔2022〕12号", "每期疗休养最多天数"),
            ("成文日期", REPORTS_DATED, None, "各报告落款的日期"),
            ("联系人", "林老师", None, "捐款公示的联系人"),
            ("联系电话", "0593-2950000", None, "工会办公室电话（公开）"),
            ("监督电话", "0593-2951111", None, "纪委监督电话（公开）"),
            (
                "款项去向",
                "已全额汇入上级工会专户",
                None,
                "捐款公示中说明款项去向",
            ),
        ],
    )
    book.sheet(BUDGET, [(account, kind, Fen(fen)) for account, kind, fen in budget])
    rows = []
    for e in entries:
        income = ACCOUNT_KIND[e.account] == "收入"
        rows.append(
            (
                e.date,
                e.voucher,
                e.account,
                e.text,
                Fen(e.fen) if income else None,
                None if income else Fen(e.fen),
                e.handler,
            )
        )
    book.sheet(LEDGER, rows, title=f"{UNION}{YEAR}年经费收支明细账", note="单位：元")
    return book.close(), book.counts


def write_donations(folder: Path, donations: Sequence[Donation]) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_DONATIONS, len(donations), f"{YEAR}年捐款")
    book.sheet(CAMPAIGNS, [(c.name, c.start, c.end, Fen(c.total * 100)) for c in CAMPAIGN_LIST])
    rows = [
        (
            d.campaign,
            d.member.no if d.member else None,
            d.name,
            DEPTS[d.dept].name,
            Fen(d.yuan * 100),
            d.date,
        )
        for d in donations
    ]
    book.sheet(DONATIONS, rows)
    return book.close(), book.counts


def write_visits(folder: Path, visits: Visits) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_VISITS, len(visits.rows), f"{YEAR}年会员慰问")
    standards = [
        (kind, Fen(each * 100) if each else None, Fen(year * 100) if year else None, target, POLICY)
        for kind, each, year, target in VISIT_STANDARDS
    ]
    book.sheet(VISIT_RULES, standards)
    rows = [
        (
            v.date,
            v.member.no,
            v.member.name,
            v.kind,
            Fen(v.fen),
            v.form,
            v.handler,
            v.reason,
            v.member.name,
            "工会经费",
        )
        for v in visits.rows
    ]
    book.sheet(VISITS, rows, title=f"{UNION}{YEAR}年会员慰问登记表")
    return book.close(), book.counts


def write_proposals(
    folder: Path, rows: Sequence[tuple], delegates: Sequence[Member]
) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_PROPOSALS, len(rows), f"{YEAR}年教代会提案")
    book.sheet(PROPOSALS, rows, title=f"{SCHOOL}第二届教职工代表大会第三次会议提案汇总表")
    book.sheet(DELEGATES, [(TERM, m.no, m.name, delegate_group(m)) for m in delegates])
    return book.close(), book.counts


def write_awards(folder: Path, rows: Sequence[tuple]) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_AWARDS, len(rows), f"{YEAR}年获奖")
    book.sheet(AWARDS, rows)
    return book.close(), book.counts


def write_activities(
    folder: Path, events: Sequence[tuple], joined: Sequence[tuple]
) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_ACTIVITIES, len(joined), "工会活动")
    book.sheet(ACTIVITIES, events, title=f"{UNION}活动登记表")
    book.sheet(PARTICIPANTS, joined)
    return book.close(), book.counts


def write_retirees(folder: Path, rows: Sequence[tuple]) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_RETIREES, len(rows), f"{YEAR}年离退休教职工走访")
    book.sheet(RETIREE_VISITS_SPEC, rows, title=f"{YEAR}年离退休教职工“五必访”登记表")
    return book.close(), book.counts


def write_mutual(
    folder: Path, enrolment: Sequence[tuple], claims: Sequence[tuple]
) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_MUTUAL, len(enrolment), f"{YEAR}年职工医疗互助")
    book.sheet(MUTUAL_ENROLMENT, enrolment)
    book.sheet(MUTUAL_CLAIMS, claims)
    return book.close(), book.counts


def write_dues(folder: Path, rows: Sequence[tuple]) -> tuple[Path, dict[str, int]]:
    book = Book(folder / FILE_DUES, len(rows), f"{YEAR}年会费缴纳")
    book.sheet(DUES_SPEC, rows)
    return book.close(), book.counts


def build_office(
    folder: Path, members: int = 3000, *, seed: int = 2023
) -> dict[Path, dict[str, int]]:
    """Write the six workbooks; {path: {sheet: data rows}}."""
    if members < 50:
        raise ValueError("members must be at least 50")
    if members > EXCEL_MAX_ROWS - 3:
        raise ValueError(f"members must be at most {EXCEL_MAX_ROWS - 3} (one Excel sheet)")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cal = Calendar(YEAR)
    people = make_members(members, seed)
    visits = make_visits(people, cal, seed)
    dues: dict[str, int] = {}
    entries, opening, budget = make_ledger(people, visits, cal, seed, dues)
    donations = make_donations(people, cal, seed)
    delegates = make_delegates(people, seed)
    events, joined = make_activities(people, seed)
    enrolment, claims = make_mutual_aid(people, cal, seed)
    written = [
        write_members(folder, people, make_departments(people, seed)),
        write_funds(folder, entries, opening, budget),
        write_donations(folder, donations),
        write_visits(folder, visits),
        write_proposals(folder, make_proposals(people, seed, delegates), delegates),
        write_awards(folder, make_awards(people, seed)),
        write_activities(folder, events, joined),
        write_retirees(folder, make_retiree_visits(people, cal, seed)),
        write_mutual(folder, enrolment, claims),
        write_dues(folder, make_dues(people, dues)),
    ]
    return dict(written)


def make_office(folder: Path, members: int = 3000, *, seed: int = 2023) -> list[Path]:
    """Write a fictional office folder of `members` members into `folder`; the six paths."""
    return list(build_office(folder, members, seed=seed))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="生成一个虚构的工会办公室示例文件夹（六个工作簿，2023 年度）"
    )
    parser.add_argument("outdir", type=Path, help="output folder (created if missing)")
    parser.add_argument(
        "--members", type=int, default=3000, help="number of members (default 3000)"
    )
    parser.add_argument("--seed", type=int, default=2023, help="random seed (default 2023)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = build_office(args.outdir, args.members, seed=args.seed)
    seconds = time.perf_counter() - started
    total = 0
    for path, counts in result.items():
        size = path.stat().st_size
        sheets = ", ".join(f"{name} {n:,}" for name, n in counts.items())
        print(f"{path.name:<10} {size / 1e6:8.2f} MB  {sheets}")
        total += sum(counts.values())
    print(f"{args.members:,} members, {total:,} rows, {seconds:.1f} s -> {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
