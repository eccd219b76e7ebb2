"""The 捐款公示 template."""

from __future__ import annotations

from scripts.report_templates.kit import (
    S_PLAIN,
    page_break,
    para,
    signature,
    table,
    tag,
    title,
)


def donation_notice(doc) -> None:
    tag(doc, "{%p for 活动 in 捐款活动 %}")
    title(doc, "关于{{ 年度 }}年“{{ 活动.名称 }}”捐款情况的公示")
    para(
        doc,
        "{% if 活动.期间 %}{{ 活动.期间 }}，{% endif %}{{ 单位名称 }}组织开展“{{ 活动.名称 }}”"
        "捐款活动，共有{{ 活动.人次 }}人次参加，捐款总额{{ 活动.金额 }}元（人民币{{ 活动.金额大写 }}）。"
        "现将各部门捐款情况公示如下：",
    )
    table(
        doc,
        (58, 26, 42, 30),
        ("部门", "人次", "金额（元）", "占比"),
        "行 in 活动.部门",
        ("{{ 行.部门 }}", "{{ 行.人次 }}", "{{ 行.金额 }}", "{{ 行.占比 }}"),
        [("总计", "{{ 活动.人次 }}", "{{ 活动.金额 }}", "100.00%")],
        (False, True, True, True),
    )
    tag(doc, "{%p if 公布名单 %}")
    para(doc, "个人捐款名单（按登记顺序，金额单位：元）：", S_PLAIN)
    table(
        doc,
        (30, 22, 30, 22, 30, 22),
        ("姓名", "金额") * 3,
        "行 in 活动.名单分栏",
        (
            "{{ 行.姓名1 }}",
            "{{ 行.金额1 }}",
            "{{ 行.姓名2 }}",
            "{{ 行.金额2 }}",
            "{{ 行.姓名3 }}",
            "{{ 行.金额3 }}",
        ),
        numeric=(False, True) * 3,
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "公示期为{{ 公示天数 }}天（{{ 公示开始 }}至{{ 公示截止 }}）。如有异议，请在公示期内向"
        "{{ 单位名称 }}反映。联系人：{{ 联系人 }}，联系电话：{{ 联系电话 }}。",
    )
    para(doc, "特此公示。")
    signature(doc)
    tag(doc, "{%p if not loop.last %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
