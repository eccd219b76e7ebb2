"""The one Jinja environment reports render with: sandboxed, autoescaped, strict, bounded.

- `SandboxedEnvironment`: a template edited by anyone cannot reach Python internals.
- `autoescape=True`: a value with `&`, `<` or quotes (a department called `A&B<C>`)
  becomes valid XML instead of a document Word refuses to open.
- `StrictUndefined`: a variable the data does not supply is an error, never silently
  empty text (the doctor names it before rendering starts).
- Bounded (`BoundedEnvironment`): a template is the office's text, so it may be a resource
  bomb by mistake or on purpose (`{{ 单位名称 * 1000000000 }}`, `range(10**9)`, a macro
  that calls itself, loops within loops). Strings and lists a template makes are at most
  MAX_SIZE items, a range at most MAX_RANGE, calls nest at most MAX_DEPTH deep, and one
  template renders in at most MAX_SECONDS. Each limit raises TemplateRuntimeError, which
  rendering turns into one line naming the template and the paragraph with the tag.
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Iterator
from typing import Any

from jinja2 import StrictUndefined, TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment

from unionxl.reports.fmt import dec, upper

MAX_SIZE = 1_000_000  # characters of a string, items of a list a template builds
MAX_RANGE = 100_000  # items of one range()
MAX_DEPTH = 60  # nested calls (a macro calling itself)
MAX_POWER_BITS = 4096  # bits of a number a template computes with **
MAX_SECONDS = 30.0  # one template, start to end
FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\d+)")

SIZED = (str, list, tuple)


def capitals(value: Any) -> str:
    """Filter `大写`: "1,409.50" → 壹仟肆佰零玖元伍角整 (for amounts a template computes)."""
    text = str(value).replace(",", "").replace("¥", "").replace("￥", "").strip()
    try:
        return upper(dec(text or "0"))
    except (ValueError, ArithmeticError):
        raise TemplateRuntimeError(f"“{value}”不是金额，无法写成大写") from None


DICT_ATTRIBUTES = frozenset(dir(dict))  # `x.items` is the method, as in Jinja


class BoundedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.depth = 0
        self.started: float | None = None
        self.globals["range"] = self.bounded_range
        for name in ("center", "indent"):
            self.filters[name] = self.bounded_width(self.filters[name])

    # --- time --------------------------------------------------------------------------
    def tick(self) -> None:
        now = time.monotonic()
        if self.started is None:
            self.started = now
        elif now - self.started > MAX_SECONDS:
            raise TemplateRuntimeError(
                f"模板运行超过 {MAX_SECONDS:.0f} 秒，已停止（是否有循环套循环？）"
            )

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        # `行.金额` on a plain dict of the context: what the sandbox would find after its
        # failed attribute look-up (an exception per cell, 14 µs), found at once.
        if type(obj) is dict and attribute in obj and attribute not in DICT_ATTRIBUTES:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    # --- depth -------------------------------------------------------------------------
    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick()
        if __self.depth >= MAX_DEPTH:
            raise TemplateRuntimeError(
                f"宏或函数调用嵌套超过 {MAX_DEPTH} 层（是否有宏调用了自己？）"
            )
        __self.depth += 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        except RecursionError:
            raise TemplateRuntimeError("宏或函数调用嵌套太深（是否有宏调用了自己？）") from None
        finally:
            __self.depth -= 1

    # --- sizes -------------------------------------------------------------------------
    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        self.tick()
        if op == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, SIZED) and isinstance(n, int) and len(seq) * n > MAX_SIZE:
                    raise too_big(len(seq) * n)
            return operator.mul(left, right)
        if op == "+":
            if isinstance(left, SIZED) and isinstance(right, SIZED):
                if len(left) + len(right) > MAX_SIZE:
                    raise too_big(len(left) + len(right))
            return operator.add(left, right)
        if op == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 1:
                if max(abs(left), 2).bit_length() * right > MAX_POWER_BITS:
                    raise TemplateRuntimeError(f"{left} ** {right} 太大，模板不能这样计算")
            return operator.pow(left, right)
        if op == "%" and isinstance(left, str):
            if any(int(w) > MAX_SIZE for w in FORMAT_WIDTH.findall(left)):
                raise too_big(max(int(w) for w in FORMAT_WIDTH.findall(left)))
            return operator.mod(left, right)
        return super().call_binop(context, op, left, right)

    def bounded_range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateRuntimeError(
                f"range 有 {len(numbers):,} 项，超过了模板允许的 {MAX_RANGE:,} 项"
            )
        for n in numbers:
            self.tick()
            yield n

    def bounded_width(self, f: Any) -> Any:
        def bounded(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> Any:
            if isinstance(width, int) and width > MAX_SIZE:
                raise too_big(width)
            return f(value, width, *args, **kwargs)

        return bounded


def too_big(size: int) -> TemplateRuntimeError:
    return TemplateRuntimeError(
        f"结果有 {size:,} 个字符（或项），超过了模板允许的 {MAX_SIZE:,}，已停止"
    )


def make_env() -> SandboxedEnvironment:
    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["大写"] = capitals
    return env
