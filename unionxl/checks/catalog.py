"""Every rule `check` applies: its code, table, severity, Chinese name and an example of
what it says. The office-folder format page (docs/台账格式.md) and 校验结果.xlsx's rule
names are written from this list; a test holds it equal to the codes the rules emit.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionxl.model.findings import ERROR, WARNING


@dataclass(frozen=True)
class RuleInfo:
    code: str
    table: str  # the table it is about ("" for any table, or the folder)
    severity: str  # error / warning
    name: str  # a few Chinese words, shown beside the code
    example: str  # what a finding of it says


def _r(code: str, table: str, severity: str, name: str, example: str) -> RuleInfo:
    return RuleInfo(code, table, severity, name, example)


E, W = ERROR, WARNING

RULES: tuple[RuleInfo, ...] = (
    # --- files, sheets, every table ---------------------------------------------------
    _r("file.unreadable", "", E, "工作簿无法读取", "会员.xlsx：工作簿设置了打开密码，无法读取"),
    _r(
        "file.open",
        "",
        W,
        "工作簿正被打开",
        "会员名册.xlsx 正在被 Excel 或 WPS 打开，读取的是它最后一次保存的内容",
    ),
    _r(
        "file.output_name",
        "",
        W,
        "台账与结果文件同名",
        "汇总.xlsx 与 unionxl 的结果文件同名，但其中有台账表：已作为台账读取",
    ),
    _r(
        "sheet.out_of_range",
        "",
        E,
        "单元格超出 Excel 范围",
        "工作表“会员”有 1 个单元格超出了 Excel 的范围（如 A4000000000；Excel 最多 1048576 行、XFD 列），这些单元格未读取",
    ),
    _r(
        "sheet.far_cells",
        "",
        W,
        "单元格延伸到很远处",
        "工作表“会员”的单元格一直延伸到 XFD1048576，但只有 12 个单元格有内容：已逐个单元格读取",
    ),
    _r(
        "sheet.skipped",
        "",
        W,
        "宏表未读取",
        "工作簿中的宏表或对话框表“Macro1”（Excel 4.0 宏）不是数据，未读取；其余工作表已读取",
    ),
    _r(
        "folder.no_tables",
        "",
        W,
        "没有认出台账表",
        "文件夹 台账 中没有认出任何台账表，未作校验。a.xlsx“Sheet1”：名称和表头都不像台账表……",
    ),
    _r(
        "member.match.unknown",
        "",
        E,
        "没有工号的登记对不上会员",
        "“张三”不在会员名册中，请核对姓名",
    ),
    _r(
        "member.match.ambiguous",
        "",
        E,
        "同名会员无法区分",
        "会员名册中有 2 个“张伟”（第 5 行、第 9 行），这张表没有工号，无法确定是哪一位",
    ),
    _r(
        "table.mapping",
        "",
        E,
        "字段对照写错",
        "“工号码”不是“会员”表的列，这一行对照未使用",
    ),
    _r(
        "folder.unused_sheet",
        "",
        W,
        "工作表未使用",
        "工作表“Sheet2”没有使用：名称和表头都不像台账表（表头：序号、车牌号、里程）",
    ),
    _r(
        "table.header_unit",
        "",
        E,
        "表头单位无法换算",
        "表头“金额”的单位是“千元”，unionxl 只认“元”和“万元”：这一列未读取",
    ),
    _r(
        "table.duplicate",
        "",
        E,
        "同一张表出现两次",
        "“会员”表出现了两次：a.xlsx 的“会员”和 b.xlsx 的“会员名册”",
    ),
    _r(
        "table.missing_column",
        "",
        E,
        "缺少必填列",
        "“会员”表缺少必填列：工号（表头应在前 10 行内）",
    ),
    _r("table.duplicate_column", "", E, "表头重复", "表头“姓名”出现了两次，只使用第一个"),
    _r("value.required", "", E, "必填单元格为空", "姓名不能为空"),
    _r(
        "value.type",
        "",
        E,
        "值的类型不对或不在列表中",
        "支出：金额 12.345 超过两位小数，金额只能精确到分",
    ),
    _r("value.negative", "", E, "金额为负数", "金额不能为负数：-5.00"),
    _r(
        "value.formula_no_cache",
        "",
        E,
        "公式没有计算结果",
        "金额：单元格是公式，但文件里没有计算结果",
    ),
    _r("value.error", "", E, "单元格是错误值", "金额：单元格是错误值 #DIV/0!，请修正公式或数据"),
    _r("value.spaces", "", W, "前后有空格", "姓名“张三 ”前后有空格（或全角空格），请删除"),
    _r("row.duplicate", "", W, "整行重复", "整行与第 12 行完全相同，是否重复录入？"),
    # --- 设置 -------------------------------------------------------------------------
    _r("settings.value", "设置", E, "设置值无法识别", "设置“会费比例”的值“abc”应为比例，如 0.5%"),
    _r(
        "settings.year.missing", "设置", W, "没有设置年度", "没有设置年度：请在“设置”表中填写“年度”"
    ),
    _r(
        "settings.year.nothing",
        "设置",
        E,
        "年度与台账的日期都不符",
        "年度 1999 与台账不符：15,011 行的日期没有一行在 1999 年内（台账中的日期在 2023 年）",
    ),
    _r(
        "settings.unit.placeholder",
        "设置",
        W,
        "单位名称未填写",
        "单位名称还是“（请填写单位名称）”：请在“设置”表填写本单位的名称",
    ),
    # --- 会员 -------------------------------------------------------------------------
    _r("member.id.duplicate", "会员", E, "工号重复", "工号 0012 与第 5 行重复"),
    _r(
        "member.idcard.number",
        "会员",
        E,
        "身份证号存成了数字",
        "身份证号存成了数字，后三位已丢失：请设为文本后重新录入",
    ),
    _r("member.idcard.format", "会员", E, "身份证号位数不对", "身份证号应为 18 位（末位可为 X）"),
    _r(
        "member.idcard.province",
        "会员",
        E,
        "身份证号地区码不对",
        "身份证号前两位 99 不是有效的省份代码",
    ),
    _r("member.idcard.checksum", "会员", E, "身份证号校验位错误", "身份证号校验位错误：应为 5"),
    _r(
        "member.idcard.old",
        "会员",
        W,
        "15 位旧身份证号",
        "这是 15 位旧身份证号，请更新为 18 位号码",
    ),
    _r(
        "member.idcard.birthdate",
        "会员",
        E,
        "出生日期与身份证号不符",
        "出生日期 1985-03-21 与身份证号中的 1985-03-12 不一致",
    ),
    _r(
        "member.idcard.gender",
        "会员",
        E,
        "性别与身份证号不符",
        "性别“男”与身份证号（第 17 位为偶数：女）不一致",
    ),
    _r("member.idcard.duplicate", "会员", E, "身份证号重复", "身份证号与第 8 行重复"),
    _r("member.department.unknown", "会员", E, "部门不在部门表中", "部门“数理学院 ”不在“部门”表中"),
    _r(
        "member.join_date",
        "会员",
        E,
        "入会日期不合理",
        "入会日期 1990-05-01 早于年满 16 周岁（1991-03-12），请核对",
    ),
    _r("member.phone", "会员", W, "手机号格式不对", "手机号应为 1 开头的 11 位数字"),
    # --- 预算 / 收支明细 -----------------------------------------------------------------
    _r(
        "budget.account.duplicate",
        "预算",
        E,
        "预算科目重复",
        "科目“会费收入”在预算中出现了两次（第 3 行）",
    ),
    _r(
        "budget.account.unknown",
        "预算",
        E,
        "预算科目不在科目表中",
        "科目“福利费”不在内置科目表（工会会计制度）中",
    ),
    _r("budget.kind", "预算", E, "预算类别与科目不符", "“会费收入”是收入科目，类别却填“支出”"),
    _r(
        "budget.overspent",
        "预算",
        W,
        "支出超过预算",
        "“职工服务支出”实际支出 93,000.50，超过预算 90,000.00",
    ),
    _r("ledger.date.year", "收支明细", E, "日期不在本年度", "日期 2022-12-30 不在 2023 年度内"),
    _r("ledger.amount.one_side", "收支明细", E, "收入、支出应只填一个", "每笔只能填收入或支出之一"),
    _r(
        "ledger.account.unknown",
        "收支明细",
        E,
        "科目不在科目表中",
        "科目“不存在科目”不在内置科目表（工会会计制度）中",
    ),
    _r(
        "ledger.account.side",
        "收支明细",
        E,
        "金额填在与科目不符的一栏",
        "“会费收入”是收入科目，金额却填在支出栏",
    ),
    _r(
        "ledger.passthrough",
        "收支明细",
        W,
        "代管资金记入了收支",
        "摘要提到“一日捐”：代收代付的捐款应记入其他应付款",
    ),
    # --- 捐款 -------------------------------------------------------------------------
    _r(
        "donation.campaign.unknown",
        "捐款明细",
        E,
        "活动不在捐款活动表中",
        "活动“爱心捐”不在“捐款活动”表中",
    ),
    _r("donation.amount", "捐款明细", E, "捐款金额应大于 0", "捐款金额应大于 0"),
    _r("donation.member.unknown", "捐款明细", E, "工号不在会员名册中", "工号 X9999 不在会员名册中"),
    _r(
        "donation.member.name",
        "捐款明细",
        E,
        "姓名与名册不一致",
        "姓名“张珊”与会员名册中工号 0012 的“张三”不一致",
    ),
    _r(
        "donation.date",
        "捐款明细",
        W,
        "捐款日期不在活动期间",
        "捐款日期 2023-06-02 不在活动“慈善一日捐”的时间内",
    ),
    _r(
        "donation.duplicate",
        "捐款明细",
        W,
        "同一活动捐了两次",
        "工号 0012 在“慈善一日捐”中出现了两次（第 5 行）",
    ),
    _r(
        "donation.received.mismatch",
        "捐款活动",
        E,
        "到账金额与明细合计不符",
        "到账金额 117,228.00 与捐款明细合计 117,223.00 不符",
    ),
    # --- 慰问 -------------------------------------------------------------------------
    _r("visit.member.unknown", "慰问登记", E, "工号不在会员名册中", "工号 0099 不在会员名册中"),
    _r(
        "visit.member.name",
        "慰问登记",
        E,
        "姓名与名册不一致",
        "姓名“李四”与会员名册中工号 0012 的“张三”不一致",
    ),
    _r(
        "visit.type.unknown",
        "慰问登记",
        E,
        "慰问类型不在慰问标准中",
        "慰问类型“端午慰问”不在“慰问标准”表中",
    ),
    _r("visit.cap.each", "慰问登记", E, "超过每次上限", "住院慰问每次不超过 500.00，这里是 800.00"),
    _r(
        "visit.cap.year",
        "慰问登记",
        E,
        "超过每人每年上限",
        "张三 2023 年节日慰问累计 1,450.00，超过每人每年上限 1,300.00",
    ),
    _r(
        "visit.target",
        "慰问登记",
        E,
        "慰问对象与会员状态不符",
        "生日慰问的对象是在职会员，而张三的状态是退休",
    ),
    _r(
        "visit.festival.form",
        "慰问登记",
        E,
        "节日慰问发了现金或购物卡",
        "节日慰问不得发放购物卡（只能发放少量慰问品）",
    ),
    _r(
        "visit.birthday.repeat",
        "慰问登记",
        E,
        "一年内生日慰问两次",
        "张三 2023 年已在第 12 行领过生日慰问",
    ),
    _r(
        "visit.festival.date",
        "慰问登记",
        W,
        "节日慰问不在节前 30 天内",
        "节日慰问应在节日（中秋）前 30 天内发放",
    ),
    _r("visit.date.year", "慰问登记", E, "日期不在本年度", "日期 2022-12-30 不在 2023 年度内"),
    # --- 提案 -------------------------------------------------------------------------
    _r("proposal.id.duplicate", "提案", E, "提案编号重复", "编号 12 与第 5 行重复"),
    _r("proposal.filed.department", "提案", E, "立案提案没有承办部门", "立案提案应填写承办部门"),
    _r("proposal.reply.satisfaction", "提案", W, "已答复但没有满意度", "已答复的提案应填写满意度"),
    _r("proposal.seconders", "提案", W, "附议人数不足", "立案提案的附议人数为 1，少于规定的 2 人"),
    # --- part two (台账格式 §3b) ----------------------------------------------------------
    _r("activity.id.duplicate", "活动", E, "活动编号重复", "活动编号 2023-05 重复，与第 6 行相同"),
    _r(
        "activity.date.order",
        "活动",
        E,
        "结束日期早于开始日期",
        "结束日期 2023-04-01 早于开始日期 2023-04-03",
    ),
    _r(
        "activity.period",
        "活动",
        W,
        "活动不在报告期内",
        "开始日期 2022-03-01 不在报告期内，不计入统计",
    ),
    _r("activity.outing.days", "活动", E, "春秋游不是当日往返", "春秋游应当日往返，这里共 2 天"),
    _r(
        "activity.retreat.days",
        "活动",
        E,
        "疗休养天数超过上限",
        "疗休养 2023-04-10 至 2023-04-16 共 7 天，超过最长 5 天",
    ),
    _r(
        "activity.participants.count",
        "活动",
        W,
        "参与人数与名单不符",
        "参与人数填的是 40，而“活动参与”中有 38 人",
    ),
    _r(
        "activity.winners.ratio",
        "活动",
        E,
        "获奖人数超过比例上限",
        "获奖 30 人，参与 40 人，超过获奖比例上限 2/3",
    ),
    _r(
        "participant.activity.unknown",
        "活动参与",
        E,
        "活动编号不在活动表中",
        "活动编号 2023-99 不在“活动”表中",
    ),
    _r(
        "participant.member.unknown",
        "活动参与",
        E,
        "工号不在会员名册中",
        "工号 9999 不在会员名册中",
    ),
    _r(
        "participant.member.name",
        "活动参与",
        E,
        "姓名与会员名册不符",
        "姓名“张珊”与会员名册中的“张三”不一致",
    ),
    _r(
        "participant.family.prize",
        "活动参与",
        E,
        "家属领取了奖品或纪念品",
        "家属不能由工会经费发放纪念品，家属费用应自理",
    ),
    _r(
        "participant.souvenir.cap",
        "活动参与",
        E,
        "纪念品超过上限",
        "纪念品 150.00 元 超过每人上限 100.00 元",
    ),
    _r(
        "participant.prize.cap",
        "活动参与",
        E,
        "奖品超过上限",
        "奖品 500.00 元 超过每人上限 300.00 元",
    ),
    _r(
        "participant.duplicate",
        "活动参与",
        W,
        "同一活动登记两次",
        "工号 0101 在活动 2023-01 中出现两次",
    ),
    _r(
        "participant.target",
        "活动参与",
        E,
        "参与者不符合活动对象",
        "活动“疗休养第一期”的对象是在职会员，而李四的状态是退休",
    ),
    _r("retiree.member.unknown", "走访", E, "工号不在会员名册中", "工号 9999 不在会员名册中"),
    _r(
        "retiree.member.name",
        "走访",
        E,
        "姓名与会员名册不符",
        "姓名“李斯”与会员名册中的“李四”不一致",
    ),
    _r(
        "retiree.status",
        "走访",
        E,
        "走访对象不是离退休会员",
        "张三在会员名册中的状态是在职，走访登记只记离退休会员",
    ),
    _r("retiree.date.year", "走访", E, "日期不在本年度", "日期 2022-12-30 不在 2023 年度内"),
    _r(
        "retiree.closed.order",
        "走访",
        E,
        "办结日期早于走访日期",
        "办结日期 2023-03-01 早于走访日期 2023-03-05",
    ),
    _r(
        "mutual.enrol.member.unknown",
        "医疗互助参保",
        E,
        "工号不在会员名册中",
        "工号 9999 不在会员名册中",
    ),
    _r(
        "mutual.enrol.member.name",
        "医疗互助参保",
        E,
        "姓名与会员名册不符",
        "姓名“张珊”与会员名册中的“张三”不一致",
    ),
    _r(
        "mutual.enrol.date.order",
        "医疗互助参保",
        E,
        "结束日期早于开始日期",
        "结束日期 2022-12-31 早于开始日期 2023-01-01",
    ),
    _r(
        "mutual.enrol.overlap",
        "医疗互助参保",
        E,
        "参保期重叠",
        "工号 0101 的“住院医疗互助”参保期与第 3 行重叠",
    ),
    _r(
        "mutual.claim.id.duplicate",
        "医疗互助理赔",
        E,
        "理赔编号重复",
        "理赔编号 LP-003 重复，与第 4 行相同",
    ),
    _r(
        "mutual.claim.member.unknown",
        "医疗互助理赔",
        E,
        "工号不在会员名册中",
        "工号 9999 不在会员名册中",
    ),
    _r(
        "mutual.claim.member.name",
        "医疗互助理赔",
        E,
        "姓名与会员名册不符",
        "姓名“张珊”与会员名册中的“张三”不一致",
    ),
    _r(
        "mutual.claim.date.order",
        "医疗互助理赔",
        E,
        "出院日期早于入院日期",
        "出院日期 2023-03-01 早于入院日期 2023-03-05",
    ),
    _r(
        "mutual.claim.days",
        "医疗互助理赔",
        E,
        "住院天数不对",
        "住院天数填的是 8，按入院、出院日期应为 7 天",
    ),
    _r(
        "mutual.claim.enrolment",
        "医疗互助理赔",
        E,
        "入院时没有参保",
        "工号 0101 在入院日期 2023-03-05 没有“住院医疗互助”的参保记录",
    ),
    _r(
        "mutual.claim.approved",
        "医疗互助理赔",
        E,
        "核定金额超过个人自付",
        "核定金额 3,000.00 元 超过个人自付 2,500.00 元",
    ),
    _r("dues.member.unknown", "会费", E, "工号不在会员名册中", "工号 9999 不在会员名册中"),
    _r("dues.month.year", "会费", E, "月份不在本年度", "月份 2022年12月 不在 2023 年度内"),
    _r("dues.duplicate", "会费", E, "同一月份会费登记两次", "工号 0101 2023年1月的会费重复登记"),
    _r(
        "dues.due",
        "会费",
        E,
        "应缴会费算错",
        "应缴 40.00 元 不对：工资基数 8,005.00 元 × 0.5% 应为 40.00 元",
    ),
    _r("dues.paid", "会费", W, "实缴与应缴不符", "实缴 30.00 元 与应缴 40.00 元 不符"),
    _r(
        "dues.ledger",
        "会费",
        W,
        "会费与收支明细不符",
        "2023 年会费实缴合计与收支明细中“会费收入”不符",
    ),
    _r(
        "delegate.member.unknown", "代表", E, "代表不在会员名册中", "代表的工号 9999 不在会员名册中"
    ),
    _r("delegate.duplicate", "代表", E, "同一届代表重复", "工号 0101 在二届代表中出现两次"),
    _r("proposal.proposer.delegate", "提案", E, "提案人不是本届代表", "提案人“王五”不是二届代表"),
    _r("proposal.seconder.delegate", "提案", E, "附议人不是本届代表", "附议人 王五 不是二届代表"),
    _r(
        "proposal.seconder.proposer",
        "提案",
        E,
        "提案人附议自己的提案",
        "提案人张三不能同时作为自己提案的附议人",
    ),
    _r("proposal.seconders.count", "提案", W, "附议人不足", "附议人只有 1 人，少于规定的 2 人"),
    _r(
        "department.chair",
        "部门",
        E,
        "主席不是本部门在职会员",
        "数理学院主席工号 0102 的状态是退休",
    ),
    _r("department.election.future", "部门", E, "换届日期在未来", "换届日期 2030-04-01 在今天之后"),
    _r(
        "department.term.expired",
        "部门",
        W,
        "届期已满未换届",
        "数理学院 2017-04-01 换届，届期 5 年，已于 2022-04-01 届满",
    ),
    _r(
        "visit.festival.total",
        "慰问登记",
        E,
        "节日慰问合计超过每人每年上限",
        "张三 2023 年各节日慰问合计 1,400.00 元，超过上限 1,300.00 元",
    ),
    _r(
        "visit.before_joining",
        "慰问登记",
        E,
        "慰问早于入会日期",
        "慰问日期 2023-01-10 早于入会日期 2023-03-01",
    ),
    _r(
        "visit.signature", "慰问登记", E, "发放没有签收", "签收为空：发放名单每一行都要有领取人签收"
    ),
    _r(
        "visit.festival.income",
        "慰问登记",
        W,
        "节日慰问占收入比例过高",
        "全年节日慰问合计超过当年经费收入的 20%",
    ),
    _r(
        "ledger.eight_rules",
        "收支明细",
        W,
        "摘要涉及八项规定",
        "摘要含“购物卡”：可能违反中央八项规定精神，请人工复核",
    ),
    _r(
        "ledger.employer_cost",
        "收支明细",
        W,
        "应由行政承担的费用",
        "摘要含“体检”：这类费用应由单位行政承担",
    ),
    _r(
        "award.period",
        "获奖",
        W,
        "获奖不在报告期内",
        "获奖日期 2021-12-01 不在报告期内，不计入统计",
    ),
)

BY_CODE: dict[str, RuleInfo] = {r.code: r for r in RULES}


def rule_name(code: str) -> str:
    """The Chinese name of a rule code ("" when unknown)."""
    info = BY_CODE.get(code)
    return info.name if info else ""
