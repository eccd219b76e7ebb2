"""The 经费收支决算报告 template: a 基层工会 决算报告 (GB/T 9704 layout).

主送; 一、收入情况 and 二、支出情况 written from the figures; 三、收支结余 with the 收支总表
and its 大写; 四、预算执行情况 with the budget-vs-actual tables (科目 left-aligned, children
indented, numbers right-aligned, a 注 column pointing at the explanations), signature
lines; 五、预算执行差异说明, one item per flagged line with the office's 说明; the 落款;
the chart as 附件. With --previous the tables carry 上年决算 and the change.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from scripts.report_templates.kit import (
    FANGSONG,
    S_CAPTION,
    S_PLAIN,
    S_TABLE,
    S_TITLE,
    TYPE_AREA,
    Row,
    attachment,
    grid,
    heading,
    keep_with_next,
    para,
    paragraph_style,
    signature,
    tag,
)

SMALL = Pt(10.5)  # 五号, as 决算表 are printed
S_NOTE = "表注"
BALANCES = ("上年结余", "本年收入", "本年支出", "年末结余")


def budget_report(doc) -> None:
    paragraph_style(  # 表注: the line under a table
        doc, S_NOTE, font=FANGSONG, size=SMALL, align=WD_ALIGN_PARAGRAPH.LEFT, line=None
    )
    title = doc.add_paragraph("{{ 工会名称 }}", style=S_TITLE)
    title.paragraph_format.space_after = Pt(0)
    para(doc, "{{ 年度 }}年度经费收支决算报告", S_TITLE)
    tag(doc, "{%p if 主送 %}")
    para(doc, "{{ 主送 }}：", S_PLAIN)
    tag(doc, "{%p endif %}")
    para(doc, "现将{{ 年度 }}年度工会经费收支决算情况报告如下。")
    heading(doc, "一、收入情况")
    para(doc, "{{ 收入说明 }}")
    heading(doc, "二、支出情况")
    para(doc, "{{ 支出说明 }}")
    heading(doc, "三、收支结余情况")
    para(doc, "{{ 结余说明 }}")
    para(doc, "表1　{{ 年度 }}年度经费收支总表（单位：元）", S_CAPTION)
    tag(doc, "{%p if 有上年 %}")
    grid(
        doc,
        (20, 26, 26, 84),
        [
            Row(("项目", "上年决算", "本年决算", "本年金额（大写）"), head=True),
            *(
                Row(
                    (
                        name,
                        f"{{{{ 上年总表.{name} }}}}",
                        f"{{{{ {name} }}}}",
                        f"{{{{ {name}大写 }}}}",
                    )
                )
                for name in BALANCES
            ),
        ],
        numeric=(False, True, True, False),
        left=(False, False, False, True),
        size=SMALL,
        margin=Mm(1),
    )
    tag(doc, "{%p else %}")
    grid(
        doc,
        (30, 36, 90),
        [
            Row(("项目", "金额", "人民币（大写）"), head=True),
            *(Row((name, f"{{{{ {name} }}}}", f"{{{{ {name}大写 }}}}")) for name in BALANCES),
        ],
        numeric=(False, True, False),
        left=(False, False, True),
    )
    tag(doc, "{%p endif %}")

    heading(doc, "四、预算执行情况")
    para(doc, "{{ 执行句 }}")
    for number, kind in ((2, "收入"), (3, "支出")):
        para(doc, f"表{number}　{kind}预算执行情况表（单位：元）", S_CAPTION)
        tag(doc, "{%p if 有上年 %}")
        execution_table(doc, kind, with_last_year=True)
        tag(doc, "{%p else %}")
        execution_table(doc, kind, with_last_year=False)
        tag(doc, "{%p endif %}")
    tag(doc, "{%p if 有上年 %}")
    para(
        doc,
        "注：执行率 = 决算数 ÷ 预算数；增减 = 本年决算 − 上年决算；“注”栏的序号见第五部分。",
        S_NOTE,
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "注：执行率 = 决算数 ÷ 预算数；差额 = 预算数 − 决算数；“注”栏的序号见第五部分。",
        S_NOTE,
    )
    tag(doc, "{%p endif %}")
    signers = doc.add_paragraph("单位负责人：{{ 负责人 }}\t制表人：{{ 制表人 }}", style=S_PLAIN)
    signers.paragraph_format.space_before = Pt(14)
    signers.paragraph_format.tab_stops.add_tab_stop(Mm(TYPE_AREA / 2), WD_TAB_ALIGNMENT.LEFT)

    heading(doc, "五、预算执行差异说明")
    keep_with_next(doc.add_paragraph("{{ 差异句 }}"))
    # the last item, the 附件 line and the 落款 stay together: a 落款 never stands alone
    # on a page (GB/T 9704 7.3.5.4)
    tag(doc, "{%p for 项 in 需说明[:-1] %}")
    para(doc, "{{ 项.序号 }}.{{ 项.句 }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for 项 in 需说明[-1:] %}")
    keep_with_next(doc.add_paragraph("{{ 项.序号 }}.{{ 项.句 }}"))
    tag(doc, "{%p endfor %}")
    keep_with_next(doc.add_paragraph(""))
    keep_with_next(doc.add_paragraph("附件：{{ 年度 }}年度各科目预算数与决算数对比图"))
    signature(doc)
    attachment(doc, "{{ 年度 }}年度各科目预算数与决算数对比图")
    chart = doc.add_paragraph("{{ 图表 }}", style=S_TABLE)
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER


def execution_table(doc, kind: str, *, with_last_year: bool) -> None:
    rows, total = f"{kind}行", f"{kind}合计"
    if with_last_year:
        header = ("科目", "上年决算", "预算数", "决算数", "执行率", "增减", "注")
        fields = ("上年决算", "预算数", "决算数", "执行率", "增减额")
        widths: tuple[int, ...] = (40, 23, 23, 23, 16, 24, 7)
    else:
        header = ("科目", "预算数", "决算数", "执行率", "差额", "注")
        fields = ("预算数", "决算数", "执行率", "差额")
        widths = (50, 26, 26, 20, 26, 8)
    numeric = (False, *([True] * len(fields)), False)
    grid(
        doc,
        widths,
        [
            Row(header, head=True),
            Row(
                ("{{ 行.科目 }}", *(f"{{{{ 行.{f} }}}}" for f in fields), "{{ 行.注 }}"),
                loop=f"行 in {rows}",
            ),
            Row((f"{kind}合计", *(f"{{{{ {total}.{f} }}}}" for f in fields), "")),
        ],
        numeric=numeric,
        left=(True,),
        size=SMALL,
        margin=Mm(1),
    )
