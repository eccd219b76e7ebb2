"""Every template variable, with what it means and an example: the one list that the
context builder (`context.py`), the template doctor (`doctor.py`) and the generated
templates/README.md (`docs.py`) all read, so none of them can drift from the others.

All five built-in templates see the same namespace (the office's own templates may use
any variable listed here). Money is text with thousands separators and two decimals
("117,228.00"); 大写 variables have no 人民币 prefix (the template writes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unionxl.model.schema import MAPPING_TABLES, TABLES

# The office's policy and mapping sheets are not registers a report lists.
REGISTER_TABLE_NAMES = tuple(t.name for t in TABLES if t.name != "设置" and t not in MAPPING_TABLES)

TEXT, NUMBER, FLAG, IMAGE, LIST, RECORD = "文字", "整数", "真/假", "图片", "列表", "记录"


@dataclass(frozen=True)
class Var:
    name: str
    doc: str
    example: Any = ""
    kind: str = TEXT
    fields: tuple[Var, ...] = ()  # LIST of records / RECORD: the fields of each item

    def sample(self) -> Any:
        """A value of the right shape, for the doctor's trial render."""
        if self.kind == LIST:
            if self.fields:
                return [{f.name: f.sample() for f in self.fields}]
            return [self.example]
        if self.kind == RECORD:
            return {f.name: f.sample() for f in self.fields}
        return self.example


@dataclass(frozen=True)
class Section:
    name: str
    doc: str
    variables: tuple[Var, ...]


def _money(name: str, doc: str, example: str = "1,234.50") -> Var:
    return Var(name, doc + "（元）", example)


_CHANGE_FIELDS = (
    _money("上年决算", "上年决算数（仅在 --previous 时有值，否则为空）", "1,100.00"),
    _money("增减额", "本年决算数 − 上年决算数（仅在 --previous 时有值）", "-700.00"),
    Var("增减率", "增减额 ÷ 上年决算数（仅在 --previous 时有值；上年为 0 时为“—”）", "-63.64%"),
)

_TOTAL_FIELDS = (
    _money("预算数", "预算数合计"),
    _money("决算数", "决算数合计"),
    Var("执行率", "决算数 ÷ 预算数", "93.00%"),
    _money("差额", "预算数 − 决算数", "86.50"),
    *_CHANGE_FIELDS,
)

_LINE_FIELDS = (
    Var("科目", "科目名称（下级科目名前空两格）", "会费收入"),
    _money("预算数", "预算数", "500.00"),
    _money("决算数", "决算数（本年实际数）", "400.00"),
    Var("执行率", "决算数 ÷ 预算数；没有预算时为“—”", "80.00%"),
    _money("差额", "预算数 − 决算数", "100.00"),
    Var("注", "需要说明的科目为其在“需说明”中的序号（1、2…），否则为空", "1"),
    Var("标记", "需要说明的科目为“※”，否则为空", "※"),
    *_CHANGE_FIELDS,
)

COMMON = Section(
    "通用",
    "每个模板都可以用",
    (
        Var("单位名称", "“设置”表的单位名称", "宁德师范学院工会"),
        Var(
            "工会名称",
            "单位名称，不以“工会”结尾时补上“工会”（用于标题、落款，避免“工会”重复）",
            "宁德师范学院工会",
        ),
        Var("年度", "报告年度（“设置”表的年度或 --year）", 2023, NUMBER),
        Var(
            "成文日期",
            "落款日期：--date，否则“设置”表的成文日期，否则生成报告的当天；阿拉伯数字，不编虚位",
            "2024年1月15日",
        ),
        Var(
            "校验提示",
            "数据有错误仍用 --force 生成时为“数据校验存在 N 个错误，本报告仅供核对”，否则为空",
            "数据校验存在 3 个错误，本报告仅供核对",
        ),
    ),
)

BUDGET = Section(
    "经费",
    "经费收支决算（“预算”“收支明细”表，与 unionxl totals 的 budget 相同）",
    (
        Var("主送", "主送机关：“设置”表的主送，默认为工会名称加“委员会”", "宁德师范学院工会委员会"),
        Var(
            "收入说明",
            "收入情况：总额、与预算和上年比较、最大的几项及其占比",
            "全年经费收入400.00元，为预算500.00元的80.00%，比预算少收100.00元。其中会费收入400.00元，占100.00%。",
        ),
        Var(
            "支出说明",
            "支出情况，写法同“收入说明”",
            "全年经费支出250.50元，为预算300.00元的83.50%，比预算少支出49.50元。",
        ),
        Var(
            "结余说明",
            "上年结余、本年收支、年末结余（含大写）的句子",
            "上年结余1,000.00元，加本年收入400.00元，减本年支出250.50元，年末结余1,149.50元（人民币壹仟壹佰肆拾玖元伍角整），比年初增加149.50元。",
        ),
        Var(
            "执行句",
            "收入、支出预算执行率的句子",
            "本年度收入预算执行率为80.00%，支出预算执行率为83.50%。",
        ),
        Var(
            "收入行", "收入科目，每个科目一行（下级科目名前空两格）", kind=LIST, fields=_LINE_FIELDS
        ),
        Var("支出行", "支出科目，每个科目一行，字段同“收入行”", kind=LIST, fields=_LINE_FIELDS),
        Var("收入合计", "收入各科目合计", kind=RECORD, fields=_TOTAL_FIELDS),
        Var("支出合计", "支出各科目合计", kind=RECORD, fields=_TOTAL_FIELDS),
        _money("上年结余", "上年结余（“设置”表）", "1,000.00"),
        _money("本年收入", "本年收入合计", "400.00"),
        _money("本年支出", "本年支出合计", "250.50"),
        _money("年末结余", "上年结余 + 本年收入 − 本年支出", "1,149.50"),
        Var("上年结余大写", "上年结余的人民币大写", "壹仟元整"),
        Var("本年收入大写", "本年收入的人民币大写", "肆佰元整"),
        Var("本年支出大写", "本年支出的人民币大写", "贰佰伍拾元伍角整"),
        Var("年末结余大写", "年末结余的人民币大写（负数前加“负”）", "壹仟壹佰肆拾玖元伍角整"),
        Var("有上年", "用了 --previous（上年台账）时为真", True, FLAG),
        Var(
            "上年总表",
            "上年决算的上年结余、本年收入、本年支出、年末结余（仅在 --previous 时有值）",
            kind=RECORD,
            fields=(
                _money("上年结余", "上年的上年结余", "900.00"),
                _money("本年收入", "上年的收入", "1,100.00"),
                _money("本年支出", "上年的支出", "1,000.00"),
                _money("年末结余", "上年的年末结余", "1,000.00"),
            ),
        ),
        Var("偏差阈值", "需要说明的执行率偏差", "10%"),
        Var(
            "差异句",
            "预算执行差异说明的引导句（没有需要说明的科目时说“均在10%以内”）",
            "决算数与预算数相差超过10%的科目有2个：",
        ),
        Var(
            "需说明",
            "执行率偏离预算超过偏差阈值、没有预算或未执行的科目；上级科目的差异已由下级科目"
            "说明时只列下级科目",
            kind=LIST,
            fields=(
                Var("序号", "序号（与收入行、支出行的“注”相同）", "1"),
                Var("科目", "科目名称", "会费收入"),
                Var("类别", "收入 或 支出", "收入"),
                _money("预算数", "预算数", "500.00"),
                _money("决算数", "决算数", "400.00"),
                Var("执行率", "决算数 ÷ 预算数；没有预算时为“—”", "80.00%"),
                _money("差额", "预算数 − 决算数", "100.00"),
                Var(
                    "情况",
                    "如“低于预算20.00%”“超出预算15.30%”“无预算”“未执行”",
                    "低于预算20.00%",
                ),
                Var("说明", "“预算”表说明列的文字；未填时为空", "部分会费于次年初补缴"),
                Var(
                    "句",
                    "整句：科目、预算、决算、执行率、差额，再接说明（有说明时）",
                    "会费收入：预算500.00元，决算400.00元，执行率80.00%，比预算少收100.00元。部分会费于次年初补缴。",
                ),
            ),
        ),
        Var("负责人", "“设置”表的负责人；未填时为空（留出签名位置）", "张三"),
        Var("制表人", "“设置”表的制表人；未填时为空（留出签名位置）", "李四"),
        Var("图表", "各科目预算数与决算数对比条形图", "[图表]", IMAGE),
    ),
)

_NAME_PAIR = tuple(
    v
    for i in (1, 2, 3)
    for v in (
        Var(f"姓名{i}", f"第 {i} 栏姓名", "张三"),
        _money(f"金额{i}", f"第 {i} 栏金额", "100.00"),
    )
)

_NAME_QUAD = tuple(
    v
    for i in (1, 2, 3, 4)
    for v in (
        Var(f"姓名{i}", f"第 {i} 栏姓名", "张三"),
        _money(f"金额{i}", f"第 {i} 栏金额", "100.00"),
    )
)

_DEPARTMENT_PAIR = tuple(
    v
    for i in (1, 2)
    for v in (
        Var(f"部门{i}", f"第 {i} 栏部门", "数理学院"),
        Var(f"人次{i}", f"第 {i} 栏捐款人数", "60"),
        _money(f"金额{i}", f"第 {i} 栏金额", "7,200.00"),
    )
)

DONATIONS = Section(
    "捐款",
    "捐款公示（“捐款活动”“捐款明细”表；名单只有姓名和金额，从不含身份证号、手机）",
    (
        Var(
            "捐款活动",
            "每个捐款活动一项（捐款公示每个活动一页）",
            kind=LIST,
            fields=(
                Var("名称", "活动名称", "慈善一日捐"),
                Var(
                    "期间",
                    "活动起止日期，如“2023年5月1日至5月31日”；未填日期时为空",
                    "2023年5月1日至5月31日",
                ),
                Var("人次", "捐款人数（按工号，无工号按姓名去重）", 812, NUMBER),
                _money("金额", "捐款总额", "117,228.00"),
                Var("金额大写", "捐款总额的人民币大写", "壹拾壹万柒仟贰佰贰拾捌元整"),
                Var("到账金额", "银行到账金额（元）；未填时为空", "117,228.00"),
                Var(
                    "部门",
                    "按部门（二级工会）汇总",
                    kind=LIST,
                    fields=(
                        Var("部门", "部门名称", "数理学院"),
                        Var("人次", "捐款人数", 60, NUMBER),
                        _money("金额", "捐款金额", "7,200.00"),
                        Var("占比", "占本活动捐款总额的百分比", "6.14%"),
                    ),
                ),
                Var(
                    "分栏",
                    f"部门多于 {14} 个时为真（内置模板把部门表排成左右两栏，一页放得下）",
                    False,
                    FLAG,
                ),
                Var(
                    "部门分栏",
                    "同“部门”，每行排两个部门（左栏自上而下，再右栏）",
                    kind=LIST,
                    fields=_DEPARTMENT_PAIR,
                ),
                Var(
                    "名单",
                    "个人名单（仅在 --named 时有内容，否则为空列表），按部门、部门内按姓氏笔画排列",
                    kind=LIST,
                    fields=(
                        Var("序号", "序号", 1, NUMBER),
                        Var("部门", "部门", "数理学院"),
                        Var("姓名", "姓名", "张三"),
                        _money("金额", "捐款金额", "100.00"),
                    ),
                ),
                Var("名单分栏", "同“名单”，每行排三人（省纸）", kind=LIST, fields=_NAME_PAIR),
                Var(
                    "名单分部门",
                    "同“名单”，按部门分组，每组每行排四人",
                    kind=LIST,
                    fields=(
                        Var("部门", "部门名称", "数理学院"),
                        Var("人数", "本部门名单人数", 17, NUMBER),
                        Var("行", "本部门名单，每行四人", kind=LIST, fields=_NAME_QUAD),
                    ),
                ),
            ),
        ),
        Var("公布名单", "用了 --named 时为真", True, FLAG),
        Var("公示天数", "公示期工作日天数（“设置”表的“公示天数”，默认 5）", 5, NUMBER),
        Var("公示开始", "公示期第一天（“设置”表的“公示开始”，默认为成文日期）", "2024年1月15日"),
        Var(
            "公示截止",
            "公示期最后一天（跳过周末和法定节假日，调休上班日照常计算）",
            "2024年1月19日",
        ),
        Var("公示期", "如“2024年1月15日至1月19日”", "2024年1月15日至1月19日"),
        *(
            Var(key, f"“设置”表的“{key}”；未填时为空（公示中不写这一句）", example)
            for key, example in (
                ("联系人", "王老师"),
                ("联系电话", "0593-1234567"),
                ("监督电话", "0593-7654321"),
                ("款项去向", "已全额汇入市慈善总会账户"),
            )
        ),
        Var(
            "公示说明",
            "公示期、异议联系方式、款项去向、监督电话的句子；未填的项不写",
            "公示期为5个工作日（2024年1月15日至1月19日）。如有异议，请在公示期内向宁德师范学院工会反映（联系人：王老师，联系电话：0593-1234567）。",
        ),
    ),
)

WORK_REPORT = Section(
    "工作报告",
    "工会工作报告中的数字，写成可以直接粘贴的句子",
    (
        Var("会员句", "会员人数的句子", "现有会员 2 人，其中在职 1 人、退休 1 人，女会员 1 人。"),
        Var("会员总数", "现有会员（在职、退休、离休）人数", 2, NUMBER),
        Var("女会员数", "现有会员中的女会员人数", 1, NUMBER),
        Var(
            "会员按状态",
            "会员名册按状态统计（含调离、去世）",
            kind=LIST,
            fields=(Var("状态", "在职、退休…", "在职"), Var("人数", "人数", 1, NUMBER)),
        ),
        Var(
            "会员按部门",
            "现有会员按部门统计",
            kind=LIST,
            fields=(
                Var("部门", "部门名称", "数理学院"),
                Var("在职", "在职人数", 1, NUMBER),
                Var("退休", "退休人数", 0, NUMBER),
                Var("离休", "离休人数", 0, NUMBER),
                Var("合计", "三项合计", 1, NUMBER),
            ),
        ),
        Var(
            "会员合计",
            "现有会员按状态合计（会员按部门表的合计行）",
            kind=RECORD,
            fields=(
                Var("在职", "在职人数", 1, NUMBER),
                Var("退休", "退休人数", 1, NUMBER),
                Var("离休", "离休人数", 0, NUMBER),
                Var("合计", "三项合计", 2, NUMBER),
            ),
        ),
        Var(
            "提案句",
            "提案工作的句子（“均”只在全部满意时出现）",
            "征集提案 30 件，确定 28 件，正式立案 4 件，4 项立案提案均得到提案人“满意”回复。",
        ),
        Var(
            "提案",
            "提案数字",
            kind=RECORD,
            fields=(
                Var("征集", "收到的提案数", 30, NUMBER),
                Var("确定", "立案与转意见建议数", 28, NUMBER),
                Var("立案", "正式立案数", 4, NUMBER),
                Var("立案已答复", "立案中已答复的件数", 4, NUMBER),
                Var("立案满意", "立案中提案人“满意”的件数", 4, NUMBER),
            ),
        ),
        Var(
            "捐款句",
            "每个捐款活动一句",
            "组织“慈善一日捐”活动，812 人次参加，捐款 117,228.00 元。",
            LIST,
        ),
        Var(
            "慰问句",
            "慰问的句子",
            "全年开展慰问 2 人次，发放 800.00 元，其中节日慰问 1 人次 500.00 元……",
            TEXT,
        ),
        Var(
            "慰问分类",
            "按慰问类型统计",
            kind=LIST,
            fields=(
                Var("类型", "慰问类型", "生日慰问"),
                Var("人次", "慰问次数", 1, NUMBER),
                Var("人数", "慰问人数（按工号去重）", 1, NUMBER),
                _money("金额", "金额", "300.00"),
            ),
        ),
        Var(
            "获奖句",
            "获奖的句子（按级别，带名单）",
            "获省级荣誉 1 项：福建省模范职工之家（测试学院工会）。",
        ),
        Var(
            "获奖分级",
            "按级别统计获奖",
            kind=LIST,
            fields=(
                Var("级别", "国家级、省级、市级、校级", "省级"),
                Var("项数", "获奖项数", 1, NUMBER),
                Var("名单", "荣誉（获奖对象）、……", "福建省模范职工之家（测试学院工会）"),
            ),
        ),
        Var(
            "经费句",
            "经费收支的句子",
            "全年经费收入 400.00 元，支出 250.50 元，年末结余 1,149.50 元。",
        ),
    ),
)

VISITS = Section(
    "慰问发放",
    "慰问发放签收表（“慰问登记”表）：每次发放（一个节日、一个月的生日慰问、一类其他慰问）每个部门一张",
    (
        Var(
            "发放表",
            "每次发放、每个部门一张签收表，按发放先后、部门顺序排列",
            kind=LIST,
            fields=(
                Var("标题", "如“2023年端午节慰问发放签收表”", "2023年端午节慰问发放签收表"),
                Var("部门", "会员名册中的部门", "数理学院"),
                Var(
                    "事由",
                    "本表各行的事由（相同的只写一次；多于三种时为慰问类型）",
                    "端午节慰问品（粽子、咸鸭蛋）",
                ),
                Var("类型", "慰问类型", "节日慰问"),
                Var("形式", "各行相同的形式（如“慰问品”），不同时为空", "慰问品"),
                Var("金额列", "金额列的表头，如“慰问品（元）”或“金额/物品（元）”", "慰问品（元）"),
                Var(
                    "行",
                    "每人一行（行数多时也很快：这一行只放“行.字段”标签时，按一行模板复制）",
                    kind=LIST,
                    fields=(
                        Var("序号", "序号", 1, NUMBER),
                        Var("姓名", "姓名", "张三"),
                        Var(
                            "金额物品",
                            "金额，如“200.00”；各行形式不同时带形式，如“慰问金 500.00”",
                            "200.00",
                        ),
                        Var("发放日期", "“慰问登记”的日期，如“2023-06-12”", "2023-06-12"),
                        Var("事由", "本行的事由（未填时为慰问类型）", "端午节慰问品"),
                        Var("形式", "本行的形式", "慰问品"),
                    ),
                ),
                Var("人次", "本表人次", 1, NUMBER),
                _money("合计金额", "本表金额合计", "200.00"),
                Var("合计大写", "本表金额合计的人民币大写", "贰佰元整"),
            ),
        ),
    ),
)


class AnyColumns(dict):
    """A sample row of 台账 for the doctor's trial render: every column name reads as text
    (which columns an office keeps is known only from its workbooks)."""

    def __missing__(self, column: str) -> str:
        return "示例"


def _register(table: str) -> Var:
    return Var(
        table,
        f"“{table}”表的每一行：标准列和本单位自己加的列（如 民族、政治面貌），都是文字；"
        "“行号”是它在工作簿中的行号",
        AnyColumns(行号="2"),
        kind=LIST,
    )


REGISTERS = Section(
    "台账",
    "台账各表的每一行，供本单位自己设计的模板使用（如带民族、政治面貌的会员名册）。"
    "身份证号、手机一律打码；本单位没有的标准列为空，写错的列名生成时会报出",
    (
        Var(
            "台账",
            "按表名取，如 {%tr for 人 in 台账.会员 %}{{ 人.姓名 }}{{ 人.民族 }}{%tr endfor %}",
            kind=RECORD,
            fields=tuple(_register(name) for name in REGISTER_TABLE_NAMES),
        ),
    ),
)

WORK_DRAFT = Section(
    "工作报告数据稿",
    "工作报告（数据稿）：按工作总结各部分写出的数字句，每个数字都注明来自哪张表哪几行",
    (
        Var(
            "工作总结",
            "工作总结的各部分（民主管理、建功立业、服务会员、离退休工作、自身建设、经费管理），"
            "台账中没有数字的部分不列",
            kind=LIST,
            fields=(
                Var("序号", "部分的序号（汉字）", "一"),
                Var("名称", "部分的名称", "民主管理"),
                Var("标题", "带序号的标题", "（一）民主管理"),
                Var(
                    "段落",
                    "本部分的数字句，每项工作一段",
                    "征集提案30件，其中立案4件，4项立案提案均得到提案人的“满意”回复。",
                    LIST,
                ),
            ),
        ),
        Var(
            "数据来源",
            "正文中每个数字的来源，按出现顺序",
            kind=LIST,
            fields=(
                Var("序号", "序号", 1, NUMBER),
                Var("部分", "数字所在的部分", "民主管理"),
                Var("首行", "本部分的第一个数字时为真（附表在此行前写部分名称）", True, FLAG),
                Var("数字", "正文中的写法（按万元写时附精确金额）", "30件"),
                Var("含义", "数字的含义", "征集的提案"),
                Var("来源", "工作簿、工作表和行", "提案.xlsx“提案”表第2–31行"),
            ),
        ),
        Var(
            "统计口径",
            "哪些数字按报告期、哪些按年度统计",
            "活动、获奖、换届按报告期（2022年6月1日至2023年6月30日）统计；其余按2023年度台账统计。",
        ),
    ),
)

SECTIONS: tuple[Section, ...] = (
    COMMON,
    BUDGET,
    DONATIONS,
    WORK_REPORT,
    VISITS,
    WORK_DRAFT,
    REGISTERS,
)

VARIABLES: dict[str, Var] = {v.name: v for s in SECTIONS for v in s.variables}
SECTION_OF: dict[str, str] = {v.name: s.name for s in SECTIONS for v in s.variables}


def sample_context() -> dict[str, Any]:
    """A context with every variable, each of the right shape (one item per list)."""
    return {name: var.sample() for name, var in VARIABLES.items()}
