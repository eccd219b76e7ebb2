"""The built-in policy pack: the figures and word lists unionxl uses when the office's
own sheets say nothing. Each exists once, here, as data: the rules, `unionxl new`'s blank
慰问标准/设置/词表 sheets and the example-office generator all read them.

An office replaces any of it with its own sheets: `慰问标准` (caps), `词表` (word lists),
`科目` (chart), `设置` (keys, see `keys.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

FUJIAN_2018 = "闽工〔2018〕158号"
FUNDS_RULES = "总工办发〔2017〕32号"


@dataclass(frozen=True)
class VisitCap:
    """One row of 慰问标准: caps in yuan (None: no cap), who may receive it."""

    type: str
    per_visit: int | None
    per_year: int | None
    target: str  # 在职 / 退休 / 全部
    basis: str = FUJIAN_2018


# 福建省总工会 闽工〔2018〕158号: 节日慰问 1300 元 a member a year, 生日 300,
# 住院 500 / 1000 with surgery, 会员去世 2000, 直系亲属去世 1000, 生育 500, 退休 500.
VISIT_CAPS: tuple[VisitCap, ...] = (
    VisitCap("节日慰问", None, 1300, "全部"),
    VisitCap("生日慰问", 300, 300, "在职"),
    VisitCap("住院慰问", 500, None, "全部"),
    VisitCap("住院慰问（手术）", 1000, None, "全部"),
    VisitCap("生育慰问", 500, None, "在职"),
    VisitCap("会员去世慰问", 2000, 2000, "全部"),
    VisitCap("直系亲属去世慰问", 1000, None, "全部"),
    VisitCap("退休慰问", 500, 500, "全部"),
)
FESTIVAL_VISIT = "节日慰问"  # the 慰问标准 row whose yearly cap covers every festival kind

# Forms a gift may take, and the ones forbidden for festival gifts (台账格式 §3).
VISIT_FORMS = ("慰问品", "慰问金", "实物", "现金", "购物卡", "购物券", "代金券")


@dataclass(frozen=True)
class WordList:
    category: str  # the 类别 of the 词表 sheet
    words: tuple[str, ...]
    meaning: str
    basis: str


WORD_LISTS: tuple[WordList, ...] = (
    WordList(
        "八项规定",
        (
            "购物卡",
            "礼品卡",
            "充值卡",
            "购物券",
            "宴请",
            "招待",
            "KTV",
            "会所",
            "健身卡",
            "烟",
            "酒",
            "保健品",
            "旅游",
        ),
        "摘要出现这些词的收支需人工复核（可能违反中央八项规定精神）",
        f"中央八项规定精神；{FUNDS_RULES}“八不准”",
    ),
    WordList(
        "行政承担",
        ("体检", "教代会会务", "职代会会务", "办公用房", "水电", "专职人员工资"),
        "应由单位行政承担、不应列支工会经费的费用",
        f"{FUNDS_RULES}",
    ),
    WordList(
        "节日禁止形式",
        ("现金", "购物卡", "购物券", "代金券", "储值卡", "提货券"),
        "节日慰问不得采用的发放形式",
        FUJIAN_2018,
    ),
    WordList(
        "代管资金",
        ("医疗互助", "一日捐", "母亲健康"),
        "代收代管的资金（另加各捐款活动名称），应记入其他应付款，不作为工会收支",
        "《工会会计制度》（财会〔2021〕7号）",
    ),
)
WORDS: dict[str, WordList] = {w.category: w for w in WORD_LISTS}

# The built-in chart (台账格式 §2), names as 基层工会 ledgers use them under the 工会会计制度
# of 2021: (科目, 类别, 上级科目 or None). An office's own 科目 sheet replaces it.
BUILTIN_ACCOUNTS: tuple[tuple[str, str, str | None], ...] = (
    ("会费收入", "收入", None),
    ("拨缴经费收入", "收入", None),
    ("上级补助收入", "收入", None),
    ("行政补助收入", "收入", None),
    ("附属单位上缴收入", "收入", None),
    ("投资收益", "收入", None),
    ("其他收入", "收入", None),
    ("职工活动支出", "支出", None),
    ("职工教育支出", "支出", "职工活动支出"),
    ("文体活动支出", "支出", "职工活动支出"),
    ("宣传活动支出", "支出", "职工活动支出"),
    ("劳模职工疗休养支出", "支出", "职工活动支出"),
    ("会员活动支出", "支出", "职工活动支出"),
    ("其他活动支出", "支出", "职工活动支出"),
    ("职工服务支出", "支出", None),
    ("维权支出", "支出", None),
    ("业务支出", "支出", None),
    ("资本性支出", "支出", None),
    ("对附属单位的支出", "支出", None),
    ("其他支出", "支出", None),
)
DUES_ACCOUNT = "会费收入"

# 科目 names of the 2009 工会会计制度 (财会〔2009〕7号) and of the sub-item lists offices
# still keep (总工办发〔2017〕32号 wording; a 基层工会 ledger's "1.4 职工集体福利"), each to
# today's name in the built-in chart (台账格式 §1b). 职工集体福利 goes to 会员活动支出, where
# current ledgers book the festival, birthday, wedding/funeral and retirement gifts.
OLD_ACCOUNTS: dict[str, str] = {
    "上级工会补助收入": "上级补助收入",
    "事业收入": "附属单位上缴收入",
    "职工教育": "职工教育支出",
    "职工教育费": "职工教育支出",
    "文体活动": "文体活动支出",
    "文体活动费": "文体活动支出",
    "宣传活动": "宣传活动支出",
    "宣传活动费": "宣传活动支出",
    "职工集体福利": "会员活动支出",
    "职工集体福利支出": "会员活动支出",
    "会员活动费": "会员活动支出",
    "其他活动": "其他活动支出",
    "职工活动": "职工活动支出",
    "职工活动费": "职工活动支出",
    "劳动关系协调": "维权支出",
    "劳动关系协调费": "维权支出",
    "劳动保护": "维权支出",
    "劳动保护费": "维权支出",
    "法律援助": "维权支出",
    "法律援助费": "维权支出",
    "困难职工帮扶": "维权支出",
    "困难职工帮扶费": "维权支出",
    "送温暖": "维权支出",
    "送温暖费": "维权支出",
    "其他维权": "维权支出",
    "其他维权支出": "维权支出",
    "培训费": "业务支出",
    "会议费": "业务支出",
    "专项业务费": "业务支出",
    "其他业务": "业务支出",
    "其他业务支出": "业务支出",
    "工会业务费": "业务支出",
    "事业支出": "对附属单位的支出",
}
