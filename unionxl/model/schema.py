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
    # A DATE column where a year-month (1977.06) is all it needs: read as a Month.
    month_ok: bool = False

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
# Header aliases shared by several tables, as real registers write them (台账格式 §1b).
MEMBER_NUMBER = (
    "职工号",
    "人员编号",
    "员工编号",
    "员工号",
    "职工编号",
    "教工号",
    "会员号",
    "会员编号",
)
DEPARTMENT_NAMES = (
    "二级工会",
    "所在部门",
    "工作单位",
    "所在单位",
    "部门名称",
    "所属部门",
    "所属工会",
    "分工会",
    "所在分工会",
    "基层工会",
    "二级单位",
)
PERSON_NAMES = ("会员姓名", "职工姓名", "员工姓名", "人员姓名")
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
        Column(
            "部门",
            Kind.KEY,
            required=True,
            aliases=("二级工会", "单位", "部门名称", "分工会", "基层工会", "工会名称"),
        ),
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
            aliases=MEMBER_NUMBER,
            hint="按文本录入，保留前导 0",
        ),
        Column("姓名", Kind.KEY, required=True, aliases=PERSON_NAMES),
        Column("性别", Kind.CHOICE, choices=GENDERS, synonyms={"男性": "男", "女性": "女"}),
        Column(
            "身份证号",
            Kind.IDCARD,
            aliases=(
                "身份证号码",
                "证件号码",
                "证件编号",
                "证件号",
                "身份证",
                "公民身份号码",
                "身份证件号码",
            ),
            sensitive=True,
            hint="18 位，按文本录入（不要写成数字）",
        ),
        Column("出生日期", Kind.DATE, aliases=("出生年月", "出生年月日"), month_ok=True),
        Column("部门", Kind.KEY, required=True, aliases=DEPARTMENT_NAMES),
        Column(
            "入会日期", Kind.DATE, aliases=("入会时间", "入会年月", "加入工会时间"), month_ok=True
        ),
        Column(
            "状态",
            Kind.CHOICE,
            required=True,
            choices=MEMBER_STATUSES,
            aliases=("人员状态", "会员状态", "在职状态", "会籍状态"),
            synonyms={
                "已退休": "退休",
                "退休人员": "退休",
                "已离休": "离休",
                "调出": "调离",
                "转出": "调离",
                "死亡": "去世",
                "已故": "去世",
            },
        ),
        Column(
            "手机",
            Kind.PHONE,
            aliases=("手机号", "联系电话", "手机号码", "联系方式", "电话", "移动电话", "联系手机"),
            sensitive=True,
            hint="11 位手机号",
        ),
    ),
    aliases=("会员名册",),
    description="会员名册（实名制）",
)

ACCOUNTS = TableSpec(
    "科目",
    (
        Column("编码", Kind.CODE, aliases=("科目编码", "科目代码", "科目编号")),
        Column("科目", Kind.KEY, required=True, aliases=("科目名称", "会计科目")),
        Column(
            "类别",
            Kind.CHOICE,
            required=True,
            choices=ACCOUNT_KINDS,
            aliases=("科目类别", "收支类别"),
        ),
        Column("上级科目", Kind.KEY, aliases=("上级科目名称",)),
    ),
    description="收支科目表（可省略，省略时使用内置科目）",
)

BUDGET = TableSpec(
    "预算",
    (
        Column("科目", Kind.KEY, required=True, aliases=("预算科目", "科目名称", "会计科目")),
        Column(
            "类别",
            Kind.CHOICE,
            required=True,
            choices=ACCOUNT_KINDS,
            aliases=("收支类别", "收支类型"),
        ),
        Column("预算数", Kind.MONEY, required=True, aliases=("预算金额", "年初预算", "预算数额")),
        # The office's words on a line that deviates from its budget (决算报告 prints them).
        Column(
            "说明",
            aliases=("差异说明", "执行说明", "差异原因"),
            hint="决算与预算相差较多时的原因，决算报告照印",
        ),
    ),
    description="年度经费预算，每个科目一行",
)

LEDGER = TableSpec(
    "收支明细",
    (
        Column("日期", Kind.DATE, required=True, aliases=("记账日期", "凭证日期", "业务日期")),
        Column("凭证号", Kind.CODE, required=True, aliases=("凭证编号", "凭证字号", "凭证号码")),
        Column("科目", Kind.KEY, required=True, aliases=("会计科目", "科目名称", "收支科目")),
        Column("摘要", Kind.TEXT, required=True, aliases=("记账事项", "摘要说明", "业务摘要")),
        # A cash journal (现金/银行日记账) books receipts as 借方 and payments as 贷方.
        Column("收入", Kind.MONEY, aliases=("收入金额", "借方", "借方金额")),
        Column("支出", Kind.MONEY, aliases=("支出金额", "贷方", "贷方金额")),
        Column("经手人", Kind.KEY, aliases=("经办人", "报销人")),
    ),
    aliases=("明细账",),
    description="经费收支明细账（每笔只填收入或支出之一）",
)

CAMPAIGNS = TableSpec(
    "捐款活动",
    (
        Column("活动", Kind.KEY, required=True, aliases=("活动名称", "捐款活动", "捐款项目")),
        Column("开始日期", Kind.DATE),
        Column("结束日期", Kind.DATE),
        Column(
            "到账金额", Kind.MONEY, aliases=("实际到账", "银行到账金额"), hint="银行实际到账金额"
        ),
    ),
    description="捐款活动（如 慈善一日捐、母亲健康1+1）",
)

DONATIONS = TableSpec(
    "捐款明细",
    (
        Column("活动", Kind.KEY, required=True, aliases=("活动名称", "捐款活动", "捐款项目")),
        Column("工号", Kind.CODE, aliases=MEMBER_NUMBER, hint="非会员捐款人可留空"),
        Column("姓名", Kind.KEY, required=True, aliases=("捐款人", "捐款人姓名", *PERSON_NAMES)),
        Column("部门", Kind.KEY, aliases=DEPARTMENT_NAMES),
        Column("金额", Kind.MONEY, required=True, aliases=("捐款金额", "捐款数额")),
        Column("日期", Kind.DATE, aliases=("捐款日期",)),
    ),
    description="捐款明细，每笔捐款一行",
)

VISIT_RULES = TableSpec(
    "慰问标准",
    (
        Column("类型", Kind.KEY, required=True, aliases=("慰问类型", "慰问项目")),
        Column("每次上限", Kind.MONEY, aliases=("每次标准", "单次上限")),
        Column("每人每年上限", Kind.MONEY, aliases=("每年上限", "年度上限")),
        Column("对象", Kind.CHOICE, choices=VISIT_TARGETS),
        Column("依据", Kind.TEXT, hint="标准所依据的文件，如 闽工〔2018〕158号"),
    ),
    description="慰问标准（上限金额，按本省/本校文件填写）",
)

VISITS = TableSpec(
    "慰问登记",
    (
        Column("日期", Kind.DATE, required=True, aliases=("慰问日期", "慰问时间", "发放日期")),
        Column("工号", Kind.CODE, required=True, aliases=MEMBER_NUMBER),
        Column(
            "姓名",
            Kind.KEY,
            required=True,
            aliases=("被慰问人", "被慰问人姓名", "慰问对象", *PERSON_NAMES),
        ),
        Column("类型", Kind.KEY, required=True, aliases=("慰问类型", "慰问类别", "慰问项目")),
        Column("金额", Kind.MONEY, required=True, aliases=("慰问金额", "发放金额")),
        Column(
            "形式",
            Kind.KEY,
            aliases=("慰问形式", "发放形式"),
            hint="慰问品 或 慰问金；节日慰问不得发现金、购物卡",
        ),
        Column("经办人", Kind.KEY, aliases=("经手人", "慰问人")),
        Column("事由", Kind.TEXT, aliases=("慰问事由", "慰问原因")),
        Column("签收", Kind.KEY, hint="签收人姓名或“是”；有此列时每行都要填"),
        Column("资金来源", Kind.KEY, hint="如 工会经费、行政经费"),
    ),
    description="慰问登记，每次慰问一行",
)

PROPOSALS = TableSpec(
    "提案",
    (
        Column("编号", Kind.CODE, required=True, aliases=("提案编号", "提案号", "案号")),
        Column(
            "案由", Kind.TEXT, required=True, aliases=("提案标题", "提案题目", "提案名称", "题目")
        ),
        Column("提案人", Kind.KEY, required=True, aliases=("第一提案人", "领衔人", "提案者")),
        Column("附议人数", Kind.INT),
        Column(
            "审查结果",
            Kind.CHOICE,
            required=True,
            choices=REVIEW_RESULTS,
            aliases=("立案情况", "审查意见", "立案结果", "审查情况", "处理结果"),
            synonyms={
                "单独立案": "立案",
                "合并立案": "立案",
                "予以立案": "立案",
                "转为意见建议": "转意见建议",
                "作为意见建议": "转意见建议",
                "不立案": "不予立案",
            },
        ),
        Column("承办部门", Kind.KEY, aliases=("主办单位", "承办单位", "主办部门", "办理单位")),
        Column("答复日期", Kind.DATE, aliases=("答复时间", "办复日期")),
        Column(
            "满意度",
            Kind.CHOICE,
            choices=SATISFACTION,
            aliases=("满意程度", "提案人意见"),
            synonyms={"比较满意": "基本满意"},
        ),
        Column("届次", Kind.KEY, hint="教代会届次，如 二届（与“代表”表一致）"),
        Column("提案人工号", Kind.CODE, hint="按文本录入"),
        Column("附议人", Kind.TEXT, hint="姓名或工号，用顿号、逗号、分号或空格分隔"),
    ),
    description="教代会提案",
)

AWARDS = TableSpec(
    "获奖",
    (
        Column("年度", Kind.INT, aliases=("获奖年度", "年份")),
        Column(
            "荣誉", Kind.KEY, required=True, aliases=("荣誉称号", "奖项", "奖项名称", "获奖名称")
        ),
        Column(
            "级别",
            Kind.CHOICE,
            required=True,
            choices=AWARD_LEVELS,
            aliases=("获奖级别", "荣誉级别", "奖励级别"),
            synonyms={"全国": "国家级", "国家": "国家级", "省": "省级", "市": "市级", "校": "校级"},
        ),
        Column("获奖对象", Kind.KEY, required=True, aliases=("获奖者", "获奖人", "获奖单位")),
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

FIELD_MAP = TableSpec(
    "字段对照",
    (
        Column("表", Kind.KEY, required=True, hint="标准表名，如 会员、慰问登记"),
        Column("工作表", Kind.KEY, hint="本单位的工作表名（如 Sheet1）；填了就按这张表读该工作表"),
        Column("本单位列名", Kind.KEY, required=True, hint="本单位表头上的写法"),
        Column(
            "标准列名",
            Kind.KEY,
            required=True,
            blank_ok=True,  # a draft row left blank: not used, not an error
            hint="unionxl 的列名，如 工号；留空则这一行不起作用",
        ),
        Column("把握", Kind.TEXT, hint="unionxl map 的猜测把握，仅供参考"),
    ),
    description="本单位列名与标准列名的对照（unionxl map 可生成草稿）",
)

VALUE_MAP = TableSpec(
    "值对照",
    (
        Column("表", Kind.KEY, required=True),
        Column("列", Kind.KEY, required=True),
        Column("本单位值", Kind.KEY, required=True),
        Column("标准值", Kind.KEY, required=True),
    ),
    description="本单位的列表值与标准值的对照（如 单独立案 → 立案）",
)

# The office's own mapping (台账格式 §1b): read first, applied by the loader; not data
# tables, so `unionxl new` does not write them (`unionxl map` drafts 字段对照).
MAPPING_TABLES: tuple[TableSpec, ...] = (FIELD_MAP, VALUE_MAP)

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
