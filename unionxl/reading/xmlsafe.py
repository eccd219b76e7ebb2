"""XML from a workbook is never trusted to declare entities: a document type
declaration (where a "billion laughs" entity bomb lives) is refused before parsing."""

from __future__ import annotations

import re

from unionxl.model.errors import UnionxlError

ROOT_START = re.compile(rb"<[A-Za-z_]")
MAX_PROLOG = 1 << 20


def refuse_dtd(head: bytes, file: str) -> None:
    """`head`: the first bytes of a document (at least up to its root element)."""
    root = ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    if root is None and len(head) >= MAX_PROLOG:
        prolog = head[:MAX_PROLOG]
    if (
        b"<!DOCTYPE" in prolog
        or b"<!ENTITY" in prolog
        or (root is None and len(head) >= MAX_PROLOG)
    ):
        raise UnionxlError(
            f"{file}：文件中有文档类型声明（DTD），Excel 不会这样保存，可能是恶意构造的文件，"
            "未读取。请用 Excel 打开后另存为 .xlsx"
        )
