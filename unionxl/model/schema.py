"""The office-folder contract (台账格式 §2) as data: tables, columns, kinds, lists.

Everything that knows a sheet or column *name* reads it from here, so the loader, the
rules, the totals, the blank-workbook generator (`unionxl new`) and the docs agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How a column's cells are read (see `unionxl.values`)."""

    TEXT = "text"  # free text, kept as written
    KEY = "key"  # identifying text (names, 科目, 部门): stray spaces are warned about
    CODE = "code"  # an identifier that Excel may store as a number (工号, 编号, 凭证号)
    IDCARD = "idcard"  # 身份证号: must be text, a number has lost digits
    PHONE = "phone"  # 手机: text or number, compared as digits
    DATE = "date"
    MONEY = "money"  # Decimal, exact to the fen
    INT = "int"  # a whole number (counts, years)
    CHOICE = "choice"  # one of `Column.choices` (after `Column.synonyms`)
    MONTH = "month"  # a month: 2023-01, 2023年1月, or any date in it (read as its 1st day)


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)  # accepted spelling -> canonical
    sensitive: bool = False  # personal data: masked in logs and public reports
    # The header is required but a cell may stay blank (设置's 值: blank = the default).
    blank_ok: bool = False
    hint: str = ""  # what to type, for the 说明 sheet of `unionxl new`

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


MEMBER_STATUSES = ("在职", "退休", "离休", "调离", "去世")
GENDERS = ("男", "女")
ACCOUNT_KINDS = ("收入", "支出")
VISIT_TARGETS = ("在职", "退休", "全部")
REVIEW_RESULTS = ("立案", "转意见建议", "不予立案", "撤回")
SATISFACTION = ("满意", "基本满意", "不满意")
AWARD_LEVELS = ("国家级", "省级", "市级", "校级")
AWARD_SUBJECTS = ("个人", "集体", "家庭")
# part two (台账格式 §2b)
ACTIVITY_TYPES = (
    "文体活动",
    "比赛",
    "春秋游",
    "疗休养",
    "培训",
    "联谊",
    "志愿服务",
    "女工活动",
    "其他",
)
ACTIVITY_TARGETS = VISIT_TARGETS  # 在职, 退休, 全部
ROLES = ("参加", "参赛", "工作人员", "家属")
PARTICIPANT_ROLES = ("参加", "参赛")  # 工作人员 and 家属 are not participants
RETIREE_VISIT_TYPES = ("重大节日", "丧事", "生病住院", "特殊困难", "突发变故", "其他")
MUTUAL_AID_PLANS = ("住院医疗互助", "重大疾病互助", "女职工特殊疾病互助", "意外伤害互助")

SETTINGS = TableSpec(
    "设置",
    (
        Column("项目", Kind.KEY, required=True, hint="设置项的名称，见“说明”列"),
        Column("值", Kind.TEXT, required=True, blank_ok=True, hint="不填则用默认值"),
        Column("依据", Kind.TEXT, hint="这一项所依据的文件，如 本校工会〔2023〕5号"),
        Column("说明", Kind.TEXT, hint="这一项的含义和不填时的默认值"),
    ),
    description="单位名称、年度、上年结余及各项政策设置（每行一项）",
)

DEPARTMENTS = TableSpec(
    "部门",
    (
        Column("部门", Kind.KEY, required=True, aliases=("二级工会", "单位")),
        Column("类别", Kind.TEXT, hint="如 学院、机关、附属医院"),
        Column("主席", Kind.CODE, hint="分工会主席的工号（按文本录入）"),
        Column("换届日期", Kind.DATE, hint="最近一次换届选举的日期"),
        Column("届期", Kind.INT, hint="每届年数，不填按 5 年"),
    ),
    description="二级工会（分工会）名单",
)

MEMBERS = TableSpec(
    "会员",
    (
        Column(
            "工号",
            Kind.CODE,
            required=True,
            aliases=("职工号", "人员编号"),
            hint="按文本录入，保留前导 0",
        ),
        Column("姓名", Kind.KEY, required=True),
        Column("性别", Kind.CHOICE, choices=GENDERS),
        Column(
            "身份证号",
            Kind.IDCARD,
            aliases=("身份证号码", "证件号码"),
            sensitive=True,
            hint="18 位，按文本录入（不要写成数字）",
        ),
        Column("出生日期", Kind.DATE),
        Column("部门", Kind.KEY, required=True, aliases=("二级工会", "所在部门")),
        Column("入会日期", Kind.DATE),
        Column("状态", Kind.CHOICE, required=True, choices=MEMBER_STATUSES),
        Column(
            "手机", Kind.PHONE, aliases=("手机号", "联系电话"), sensitive=True, hint="11 位手机号"
        ),
    ),
    aliases=("会员名册",),
    description="会员名册（实名制）",
)

ACCOUNTS = TableSpec(
    "科目",
    (
        Column("编码", Kind.CODE),
        Column("科目", Kind.KEY, required=True),
        Column("类别", Kind.CHOICE, required=True, choices=ACCOUNT_KINDS),
        Column("上级科目", Kind.KEY),
    ),
    description="收支科目表（可省略，省略时使用内置科目）",
)

BUDGET = TableSpec(
    "预算",
    (
        Column("科目", Kind.KEY, required=True),
        Column("类别", Kind.CHOICE, required=True, choices=ACCOUNT_KINDS),
        Column("预算数", Kind.MONEY, required=True),
    ),
    description="年度经费预算，每个科目一行",
)

LEDGER = TableSpec(
    "收支明细",
    (
        Column("日期", Kind.DATE, required=True),
        Column("凭证号", Kind.CODE, required=True),
        Column("科目", Kind.KEY, required=True),
        Column("摘要", Kind.TEXT, required=True),
        Column("收入", Kind.MONEY),
        Column("支出", Kind.MONEY),
        Column("经手人", Kind.KEY),
    ),
    aliases=("明细账",),
    description="经费收支明细账（每笔只填收入或支出之一）",
)

CAMPAIGNS = TableSpec(
    "捐款活动",
    (
        Column("活动", Kind.KEY, required=True, aliases=("活动名称",)),
        Column("开始日期", Kind.DATE),
        Column("结束日期", Kind.DATE),
        Column("到账金额", Kind.MONEY, hint="银行实际到账金额"),
    ),
    description="捐款活动（如 慈善一日捐、母亲健康1+1）",
)

DONATIONS = TableSpec(
    "捐款明细",
    (
        Column("活动", Kind.KEY, required=True),
        Column("工号", Kind.CODE, hint="非会员捐款人可留空"),
        Column("姓名", Kind.KEY, required=True),
        Column("部门", Kind.KEY),
        Column("金额", Kind.MONEY, required=True),
        Column("日期", Kind.DATE),
    ),
    description="捐款明细，每笔捐款一行",
)

VISIT_RULES = TableSpec(
    "慰问标准",
    (
        Column("类型", Kind.KEY, required=True),
        Column("每次上限", Kind.MONEY),
        Column("每人每年上限", Kind.MONEY),
        Column("对象", Kind.CHOICE, choices=VISIT_TARGETS),
        Column("依据", Kind.TEXT, hint="标准所依据的文件，如 闽工〔2018〕158号"),
    ),
    description="慰问标准（上限金额，按本省/本校文件填写）",
)

VISITS = TableSpec(
    "慰问登记",
    (
        Column("日期", Kind.DATE, required=True),
        Column("工号", Kind.CODE, required=True),
        Column("姓名", Kind.KEY, required=True),
        Column("类型", Kind.KEY, required=True),
        Column("金额", Kind.MONEY, required=True),
        Column("形式", Kind.KEY, hint="慰问品 或 慰问金；节日慰问不得发现金、购物卡"),
        Column("经办人", Kind.KEY),
        Column("事由", Kind.TEXT),
        Column("签收", Kind.KEY, hint="签收人姓名或“是”；有此列时每行都要填"),
        Column("资金来源", Kind.KEY, hint="如 工会经费、行政经费"),
    ),
    description="慰问登记，每次慰问一行",
)

PROPOSALS = TableSpec(
    "提案",
    (
        Column("编号", Kind.CODE, required=True),
        Column("案由", Kind.TEXT, required=True),
        Column("提案人", Kind.KEY, required=True),
        Column("附议人数", Kind.INT),
        Column("审查结果", Kind.CHOICE, required=True, choices=REVIEW_RESULTS),
        Column("承办部门", Kind.KEY),
        Column("答复日期", Kind.DATE),
        Column("满意度", Kind.CHOICE, choices=SATISFACTION),
        Column("届次", Kind.KEY, hint="教代会届次，如 二届（与“代表”表一致）"),
        Column("提案人工号", Kind.CODE, hint="按文本录入"),
        Column("附议人", Kind.TEXT, hint="姓名或工号，用顿号、逗号、分号或空格分隔"),
    ),
    description="教代会提案",
)

AWARDS = TableSpec(
    "获奖",
    (
        Column("年度", Kind.INT),
        Column("荣誉", Kind.KEY, required=True),
        Column(
            "级别",
            Kind.CHOICE,
            required=True,
            choices=AWARD_LEVELS,
            synonyms={"全国": "国家级", "国家": "国家级", "省": "省级", "市": "市级", "校": "校级"},
        ),
        Column("获奖对象", Kind.KEY, required=True),
        Column("对象类型", Kind.CHOICE, choices=AWARD_SUBJECTS),
        Column("名次", Kind.TEXT, hint="如 一等奖、第一名"),
        Column("日期", Kind.DATE, hint="获奖（表彰）日期；不在报告期内的不计入"),
    ),
    description="评先评优获奖情况",
)

# --- part two (台账格式 §2b) -------------------------------------------------------------

ACTIVITIES = TableSpec(
    "活动",
    (
        Column("编号", Kind.CODE, required=True, hint="活动编号，如 2023-01"),
        Column("名称", Kind.KEY, required=True),
        Column("类型", Kind.CHOICE, required=True, choices=ACTIVITY_TYPES),
        Column("系列", Kind.KEY, hint="同一项目的活动归为一个系列，如 第三届文体活动月"),
        Column("主办", Kind.KEY, hint="校工会 或 某个部门（二级工会）"),
        Column("开始日期", Kind.DATE, required=True),
        Column("结束日期", Kind.DATE, hint="一天的活动可不填"),
        Column(
            "对象",
            Kind.CHOICE,
            choices=ACTIVITY_TARGETS,
            hint="不填：疗休养按在职，其他按全部",
        ),
        Column("参与人数", Kind.INT),
        Column("支出", Kind.MONEY),
    ),
    aliases=("活动登记",),
    description="工会活动登记（文体活动、比赛、春秋游、疗休养、培训等），每项活动一行",
)

PARTICIPANTS = TableSpec(
    "活动参与",
    (
        Column("活动编号", Kind.CODE, required=True, aliases=("活动",)),
        Column("工号", Kind.CODE, hint="家属、来宾可不填；按文本录入"),
        Column("姓名", Kind.KEY, required=True),
        Column("角色", Kind.CHOICE, choices=ROLES, hint="不填按“参加”"),
        Column("名次", Kind.TEXT, hint="如 一等奖、第一名、优秀奖"),
        Column("奖品金额", Kind.MONEY),
        Column("纪念品金额", Kind.MONEY),
        Column("签收", Kind.KEY),
    ),
    aliases=("参与名单",),
    description="活动参与名单，每人每项活动一行",
)

RETIREE_VISITS = TableSpec(
    "走访",
    (
        Column("日期", Kind.DATE, required=True),
        Column("工号", Kind.CODE, required=True, hint="按文本录入"),
        Column("姓名", Kind.KEY, required=True),
        Column("类型", Kind.CHOICE, required=True, choices=RETIREE_VISIT_TYPES),
        Column("走访人", Kind.KEY),
        Column("金额", Kind.MONEY),
        Column("资金来源", Kind.KEY),
        Column("情况", Kind.TEXT),
        Column("办结日期", Kind.DATE),
    ),
    aliases=("离退休走访", "五必访"),
    description="离退休会员走访（五必访），每次走访一行",
)

MUTUAL_ENROLMENT = TableSpec(
    "医疗互助参保",
    (
        Column("开始日期", Kind.DATE, required=True),
        Column("结束日期", Kind.DATE, required=True),
        Column("计划", Kind.KEY, required=True, hint="如 住院医疗互助"),
        Column("工号", Kind.CODE, required=True, hint="按文本录入"),
        Column("姓名", Kind.KEY, required=True),
        Column("份数", Kind.INT),
        Column("个人缴费", Kind.MONEY),
        Column("工会补贴", Kind.MONEY),
    ),
    aliases=("互助参保",),
    description="职工医疗互助参保名单，每人每个计划每期一行",
)

MUTUAL_CLAIMS = TableSpec(
    "医疗互助理赔",
    (
        Column("编号", Kind.CODE, required=True),
        Column("工号", Kind.CODE, required=True, hint="按文本录入"),
        Column("姓名", Kind.KEY, required=True),
        Column("计划", Kind.KEY, required=True),
        Column("入院日期", Kind.DATE, required=True),
        Column("出院日期", Kind.DATE, required=True),
        Column("住院天数", Kind.INT),
        Column("医疗总费用", Kind.MONEY),
        Column("个人自付", Kind.MONEY),
        Column("核定金额", Kind.MONEY),
        Column("给付日期", Kind.DATE),
    ),
    aliases=("互助理赔",),
    description="职工医疗互助理赔（工会协助申报），每次住院一行",
)

DUES = TableSpec(
    "会费",
    (
        Column("月份", Kind.MONTH, required=True, hint="如 2023-01 或 2023年1月"),
        Column("工号", Kind.CODE, required=True, hint="按文本录入"),
        Column("姓名", Kind.KEY),
        Column("工资基数", Kind.MONEY, required=True),
        Column("应缴", Kind.MONEY, hint="不填则按工资基数计算"),
        Column("实缴", Kind.MONEY, required=True),
    ),
    aliases=("会费缴纳",),
    description="会费缴纳，每人每月一行",
)

DELEGATES = TableSpec(
    "代表",
    (
        Column("届次", Kind.KEY, required=True, hint="如 二届"),
        Column("工号", Kind.CODE, required=True, hint="按文本录入"),
        Column("姓名", Kind.KEY, required=True),
        Column("代表团", Kind.KEY),
    ),
    aliases=("代表名单",),
    description="教代会（工代会）代表名单",
)

WORDS = TableSpec(
    "词表",
    (
        Column("类别", Kind.KEY, required=True, hint="八项规定、行政承担、节日禁止形式、代管资金"),
        Column("词", Kind.KEY, required=True),
        Column("依据", Kind.TEXT),
    ),
    description="检查摘要和慰问形式所用的词表（填写某一类别即替换该类别的内置词表）",
)

TABLES: tuple[TableSpec, ...] = (
    SETTINGS,
    WORDS,
    DEPARTMENTS,
    MEMBERS,
    ACCOUNTS,
    BUDGET,
    LEDGER,
    CAMPAIGNS,
    DONATIONS,
    VISIT_RULES,
    VISITS,
    PROPOSALS,
    AWARDS,
    ACTIVITIES,
    PARTICIPANTS,
    RETIREE_VISITS,
    MUTUAL_ENROLMENT,
    MUTUAL_CLAIMS,
    DUES,
    DELEGATES,
)

BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
