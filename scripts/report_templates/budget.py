"""The 经费收支决算报告 template."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from scripts.report_templates.kit import (
    S_CAPTION,
    S_TABLE,
    heading,
    para,
    signature,
    table,
    tag,
    title,
)


def budget_report(doc) -> None:
    title(doc, "{{ 单位名称 }}{{ 年度 }}年度工会经费收支决算报告")
    heading(doc, "一、经费收支总体情况")
    para(
        doc,
        "{{ 年度 }}年，{{ 单位名称 }}全年经费收入{{ 本年收入 }}元（人民币{{ 本年收入大写 }}），"
        "支出{{ 本年支出 }}元（人民币{{ 本年支出大写 }}）。上年结余{{ 上年结余 }}元，"
        "年末结余{{ 年末结余 }}元（人民币{{ 年末结余大写 }}）。",
    )
    para(
        doc,
        "上年结余{{ 上年结余 }}元 + 本年收入{{ 本年收入 }}元 − 本年支出{{ 本年支出 }}元 "
        "= 年末结余{{ 年末结余 }}元。",
    )
    widths = (46, 30, 30, 22, 28)
    header = ("科目", "预算数", "决算数", "执行率", "差额")
    numeric = (False, True, True, True, True)
    for number, (kind, rows, total) in enumerate(
        (("收入", "收入行", "收入合计"), ("支出", "支出行", "支出合计")), 2
    ):
        heading(doc, f"{'二三'[number - 2]}、{kind}决算情况")
        para(doc, f"表{number - 1}　{kind}决算表（单位：元）", S_CAPTION)
        table(
            doc,
            widths,
            header,
            f"行 in {rows}",
            (
                "{{ 行.科目 }}",
                "{{ 行.预算数 }}",
                "{{ 行.决算数 }}",
                "{{ 行.执行率 }}{{ 行.标记 }}",
                "{{ 行.差额 }}",
            ),
            [
                (
                    f"{kind}合计",
                    f"{{{{ {total}.预算数 }}}}",
                    f"{{{{ {total}.决算数 }}}}",
                    f"{{{{ {total}.执行率 }}}}",
                    f"{{{{ {total}.差额 }}}}",
                )
            ],
            numeric,
        )
    para(
        doc,
        "注：差额 = 决算数 − 预算数；标“※”的科目执行率偏离预算超过 ±{{ 偏差阈值 }}，说明见第四部分。",
        S_TABLE,
    )
    heading(doc, "四、预算执行差异说明")
    tag(doc, "{%p if 需说明 %}")
    para(doc, "以下科目决算数与预算数相差超过 {{ 偏差阈值 }}，请逐项说明原因：")
    tag(doc, "{%p for 项 in 需说明 %}")
    para(
        doc,
        "{{ loop.index }}. {{ 项.科目 }}（{{ 项.类别 }}）：预算{{ 项.预算数 }}元，决算{{ 项.决算数 }}元，"
        "执行率{{ 项.执行率 }}，{{ 项.情况 }}。原因：＿＿＿＿＿＿＿＿。",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "各科目决算数与预算数相差均在 {{ 偏差阈值 }} 以内。")
    tag(doc, "{%p endif %}")
    heading(doc, "五、预算与决算对比")
    chart = doc.add_paragraph("{{ 图表 }}", style=S_TABLE)
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature(doc)
