"""The 工作报告数据 template."""

from __future__ import annotations

from scripts.report_templates.kit import (
    heading,
    para,
    signature,
    table,
    tag,
    title,
)


def work_report(doc) -> None:
    title(doc, "{{ 单位名称 }}{{ 年度 }}年度工作报告数据")
    para(doc, "以下文字和数字由台账自动生成，可直接摘入工会工作报告。")
    heading(doc, "一、组织建设")
    para(doc, "{{ 会员句 }}")
    table(
        doc,
        (56, 25, 25, 25, 25),
        ("部门", "在职", "退休", "离休", "合计"),
        "行 in 会员按部门",
        ("{{ 行.部门 }}", "{{ 行.在职 }}", "{{ 行.退休 }}", "{{ 行.离休 }}", "{{ 行.合计 }}"),
        [
            (
                "合计",
                "{{ 会员合计.在职 }}",
                "{{ 会员合计.退休 }}",
                "{{ 会员合计.离休 }}",
                "{{ 会员总数 }}",
            )
        ],
        (False, True, True, True, True),
    )
    heading(doc, "二、民主管理")
    para(doc, "{{ 提案句 }}")
    heading(doc, "三、捐款")
    tag(doc, "{%p for 句 in 捐款句 %}")
    para(doc, "{{ 句 }}")
    tag(doc, "{%p else %}")
    para(doc, "本年度没有捐款活动记录。")
    tag(doc, "{%p endfor %}")
    heading(doc, "四、慰问")
    para(doc, "{{ 慰问句 }}")
    table(
        doc,
        (56, 30, 30, 40),
        ("慰问类型", "人次", "人数", "金额（元）"),
        "行 in 慰问分类",
        ("{{ 行.类型 }}", "{{ 行.人次 }}", "{{ 行.人数 }}", "{{ 行.金额 }}"),
        (),
        (False, True, True, True),
    )
    heading(doc, "五、评先评优")
    para(doc, "{{ 获奖句 }}")
    heading(doc, "六、经费收支")
    para(doc, "{{ 经费句 }}")
    signature(doc)
