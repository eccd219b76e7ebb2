"""The 捐款公示 template: one page per campaign, the named list as its 附件.

Page breaks are the rows' to decide (`grid`: no row splits): the last two 部门 rows, the
总计 row, the closing paragraphs and the 落款 stay together, so a 总计 row or a closing
paragraph never stands alone on a page. More than 12 部门 are set in two halves side by
side (`活动.分栏`), so a campaign of a large office still fits one page. In the named list
each 部门 heading is the first row of its table (repeated when the table runs onto the next
page) and is kept with the first two rows; the last two rows stay together.
"""

from __future__ import annotations

from docx.shared import Mm, Pt

from scripts.report_templates.kit import (
    S_PLAIN,
    S_TABLE,
    S_TITLE,
    Row,
    attachment,
    grid,
    keep_with_next,
    signature,
    tag,
    title,
)

NAMES_PER_ROW = 4
HEADLINE = "关于{{ 年度 }}年“{{ 活动.名称 }}”捐款情况的公示"


def donation_notice(doc) -> None:
    tag(doc, "{%p for 活动 in 捐款活动 %}")
    # each campaign on a new page: page-break-before on its title (a break run at the foot
    # of a full page would leave LibreOffice an empty page)
    tag(doc, "{%p if loop.first %}")
    title(doc, HEADLINE)
    tag(doc, "{%p else %}")
    doc.add_paragraph(HEADLINE, style=S_TITLE).paragraph_format.page_break_before = True
    tag(doc, "{%p endif %}")
    doc.add_paragraph(
        "{% if 活动.期间 %}{{ 活动.期间 }}，{% endif %}{{ 工会名称 }}组织开展“{{ 活动.名称 }}”"
        "捐款活动，共有{{ 活动.人次 }}人次参加，捐款总额{{ 活动.金额 }}元（人民币{{ 活动.金额大写 }}）。"
        "现将各部门捐款情况公示如下："
    )
    tag(doc, "{%p if 活动.分栏 %}")
    department_halves(doc)
    tag(doc, "{%p else %}")
    department_table(doc)
    tag(doc, "{%p endif %}")
    keep_with_next(doc.add_paragraph("{{ 公示说明 }}"))
    keep_with_next(doc.add_paragraph("特此公示。"))
    tag(doc, "{%p if 公布名单 %}")
    keep_with_next(doc.add_paragraph(""))
    keep_with_next(doc.add_paragraph("附件：“{{ 活动.名称 }}”个人捐款名单"))
    tag(doc, "{%p endif %}")
    signature(doc)
    tag(doc, "{%p if 公布名单 %}")
    named_list(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def department_table(doc) -> None:
    cells = ("{{ 行.部门 }}", "{{ 行.人次 }}", "{{ 行.金额 }}", "{{ 行.占比 }}")
    grid(
        doc,
        (64, 24, 40, 28),
        [
            Row(("部门", "人次", "金额（元）", "占比"), head=True),
            Row(cells, loop="行 in 活动.部门[:-2]"),
            Row(cells, loop="行 in 活动.部门[-2:]", keep=True),
            Row(("总计", "{{ 活动.人次 }}", "{{ 活动.金额 }}", "100.00%"), keep=True),
        ],
        numeric=(False, True, True, True),
        left=(True,),
        size=Pt(10.5),
    )


def department_halves(doc) -> None:
    cells = tuple(f"{{{{ 行.{field}{i} }}}}" for i in (1, 2) for field in ("部门", "人次", "金额"))
    grid(
        doc,
        (45, 11, 22, 45, 11, 22),
        [
            Row(("部门", "人次", "金额（元）") * 2, head=True),
            Row(cells, loop="行 in 活动.部门分栏[:-2]"),
            Row(cells, loop="行 in 活动.部门分栏[-2:]", keep=True),
            Row(("总计：{{ 活动.人次 }}人次，{{ 活动.金额 }}元",), merged=True, keep=True),
        ],
        numeric=(False, True, True) * 2,
        left=(True, False, False) * 2,
        size=Pt(10.5),
        margin=Mm(1),
    )


def named_list(doc) -> None:
    attachment(doc, "“{{ 活动.名称 }}”个人捐款名单")
    note = doc.add_paragraph("（按部门排列，部门内按姓氏笔画排序；金额单位：元）", style=S_TABLE)
    note.paragraph_format.space_after = Pt(6)
    tag(doc, "{%p for 组 in 活动.名单分部门 %}")
    cells = tuple(
        f"{{{{ 行.{field}{i} }}}}"
        for i in range(1, NAMES_PER_ROW + 1)
        for field in ("姓名", "金额")
    )
    grid(
        doc,
        (17, 22) * NAMES_PER_ROW,
        [
            Row(("{{ 组.部门 }}（{{ 组.人数 }}人）",), head=True, merged=True, keep=True),
            Row(cells, loop="行 in 组.行[:2]", keep=True),
            Row(cells, loop="行 in 组.行[2:][:-2]"),
            Row(cells, loop="行 in 组.行[2:][-2:]", keep=True),
        ],
        numeric=(False, True) * NAMES_PER_ROW,
        left=(True, False) * NAMES_PER_ROW,
        size=Pt(10.5),
    )
    spacer = doc.add_paragraph(style=S_PLAIN)
    spacer.paragraph_format.line_spacing = Pt(8)
    tag(doc, "{%p endfor %}")
