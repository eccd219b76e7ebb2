"""Findings: what is wrong, where, in Excel terms (台账格式 §4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"

# Cap per (table, rule) so one broken column cannot bury everything else (STYLE).
MAX_PER_RULE = 1000

# A cell may hold 32,767 characters (a pasted export, 50 MB through a formula string):
# what a finding says of it is shortened, so no message floods a terminal or a workbook.
MAX_VALUE_CHARS = 200
MAX_MESSAGE_CHARS = 600
MAX_CONTEXT_CHARS = 60


def shorten(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters, saying how long it was."""
    if len(text) <= limit:
        return text
    head = max(limit - 40, 20)
    return f"{text[:head]}…（共 {len(text):,} 个字符）…{text[-10:]}"


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # 1-based Excel row
    column: str | None = None  # Excel letters
    field: str | None = None
    value: str | None = None
    sensitive: bool = False  # value is personal data: mask it outside the office's JSON
    basis: str | None = None  # the document of the policy value the finding applies (§8)
    # Which row it is, in the office's words: the row's 姓名 (摘要, 案由, 名称 …), for
    # 校验结果.xlsx. Not part of `check --json` (SPEC §4 lists its keys).
    context: str | None = None

    def __post_init__(self) -> None:
        if self.value is not None and len(self.value) > MAX_VALUE_CHARS:
            object.__setattr__(self, "value", shorten(self.value, MAX_VALUE_CHARS))
        if self.context is not None and len(self.context) > MAX_CONTEXT_CHARS:
            object.__setattr__(self, "context", shorten(self.context, MAX_CONTEXT_CHARS))
        if len(self.message) > MAX_MESSAGE_CHARS:
            object.__setattr__(self, "message", shorten(self.message, MAX_MESSAGE_CHARS))

    @property
    def cell(self) -> str | None:
        if self.row is None or self.column is None:
            return None
        return f"{self.column}{self.row}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def shown_value(self) -> str | None:
        """The value as logs, terminals and public files may show it."""
        return mask(self.value) if self.sensitive else self.value

    def to_dict(self) -> dict[str, Any]:
        result = {
            "severity": self.severity,
            "rule": self.rule,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "field": self.field,
            "value": self.value,
            "message": self.message,
        }
        if self.basis:
            result["basis"] = self.basis
        return result


def mask(value: str | None) -> str | None:
    """350902198503121235 -> 350902********1235; 13812345678 -> 138****5678."""
    if not value:
        return value
    text = str(value)
    if len(text) >= 15:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) >= 7:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    return "*" * len(text)


def sort_key(f: Finding) -> tuple:
    """Errors first, then by file, sheet and position (as a clerk reads the sheet)."""
    return (
        0 if f.is_error else 1,
        f.file or "",
        f.sheet or "",
        f.row or 0,
        len(f.column or ""),
        f.column or "",
        f.rule,
    )
