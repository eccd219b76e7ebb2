"""Where a figure of a report comes from, in words: "提案.xlsx“提案”表第2–31行".

The rows come from the figures model (`Rows`: runs of Excel rows, or only a count and a
span when they are too scattered to list); this module only writes them out, compactly,
so the chairman can ask "where does 30 come from" and open the rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from unionxl.figures.model import Rows

DASH = "–"  # between the first and last row of a run: 第2–31行
LIST_BREAK = "、\u200b"


def runs_text(runs: Iterable[tuple[int, int]]) -> str:
    """((2, 31), (40, 40)) → "第2–31、40行". A zero-width space after each 、 lets a long
    list of row numbers wrap there rather than inside a number."""
    parts = [str(a) if a == b else f"{a}{DASH}{b}" for a, b in runs]
    return f"第{LIST_BREAK.join(parts)}行"


def rows_text(rows: Rows, where: str = "") -> str:
    """One sheet's rows; `where` says how they were chosen (类型为“节日慰问”)."""
    sheet = f"{rows.file}“{rows.sheet}”表"
    chosen = f"中{where}的" if where else ""
    if not rows.count or rows.first is None or rows.last is None:
        return f"{sheet}{chosen or '中'}没有行"
    if rows.runs is None:
        return f"{sheet}{chosen or '中'}{rows.count}行（第{rows.first}{DASH}{rows.last}行之间）"
    return f"{sheet}{chosen}{runs_text(rows.runs)}"


def source_text(sources: Iterable[tuple[Rows | None, str] | str]) -> str:
    """Several sources joined by "；": (rows, where) pairs, or a plain description
    for a figure that is not counted from rows ("“设置”表的上年结余")."""
    parts = []
    for source in sources:
        if isinstance(source, str):
            parts.append(source)
        else:
            rows, where = source
            if rows is not None:
                parts.append(rows_text(rows, where))
    return "；".join(parts)
