"""argparse in Chinese: usage, help and every error a user can meet.

argparse writes its own words in English (`usage:`, `show this help message and exit`,
`invalid choice`). `ChineseParser` and `ChineseFormatter` replace them: the headings and the
`-h` help at construction, the usage prefix when formatting, the error messages when they
are raised (`translate`, a table of argparse's message forms). Sub-command parsers inherit
the class (argparse makes them with `type(parent)`).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

TYPES = {"int": "整数", "float": "数字", "str": "文字"}

# argparse's messages (Python 3.11–3.13), most specific first; groups are kept in order.
MESSAGES: list[tuple[str, str]] = [
    (
        r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "{arg} 不能是 {value}，可选：{choices}",
    ),
    (
        r"argument (?P<arg>.+?): invalid (?P<type>\w+) value: (?P<value>.+)",
        "{arg} 应为{type}，而不是 {value}",
    ),
    (r"argument (?P<arg>.+?): expected one argument", "{arg} 后面要跟一个值"),
    (r"argument (?P<arg>.+?): expected at most one argument", "{arg} 后面最多跟一个值"),
    (r"argument (?P<arg>.+?): expected at least one argument", "{arg} 后面至少要跟一个值"),
    (
        r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)",
        "{arg} 不能与 {other} 同时使用",
    ),
    (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)", "{arg} 不接受值 {value}"),
    (r"argument (?P<arg>.+?): (?P<message>.+)", "{arg}：{message}"),
    (r"the following arguments are required: (?P<args>.+)", "缺少必需的参数：{args}"),
    (r"one of the arguments (?P<args>.+) is required", "必须给出其中一个参数：{args}"),
    (r"unrecognized arguments: (?P<args>.+)", "不认识的参数：{args}"),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
        "选项 {option} 不明确，可能是：{matches}",
    ),
    (r"unexpected option string: (?P<option>.+)", "意外的选项：{option}"),
]


def translate(message: str) -> str:
    """argparse's English error message -> one Chinese sentence (unknown ones unchanged)."""
    for pattern, chinese in MESSAGES:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            parts = dict(match.groupdict())
            if "type" in parts:
                parts["type"] = TYPES.get(parts["type"], parts["type"])
            if "choices" in parts:
                parts["choices"] = parts["choices"].replace("'", "")
            if parts.get("arg") == "命令" and "value" in parts and "choices" in parts:
                return f"没有命令 {parts['value']}，可选：{parts['choices']}"
            return chinese.format(**parts)
    return message


class ChineseFormatter(argparse.HelpFormatter):
    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        return super()._format_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出"
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}\n")
