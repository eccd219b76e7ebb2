"""The one Jinja environment reports render with: sandboxed, autoescaped, strict.

- `SandboxedEnvironment`: a template edited by anyone cannot reach Python internals.
- `autoescape=True`: a value with `&`, `<` or quotes (a department called `A&B<C>`)
  becomes valid XML instead of a document Word refuses to open.
- `StrictUndefined`: a variable the data does not supply is an error, never silently
  empty text (the doctor names it before rendering starts).
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment

from unionxl.reports.fmt import dec, upper


def capitals(value: Any) -> str:
    """Filter `大写`: "1,409.50" → 壹仟肆佰零玖元伍角整 (for amounts a template computes)."""
    text = str(value).replace(",", "").replace("¥", "").replace("￥", "").strip()
    try:
        return upper(dec(text or "0"))
    except (ValueError, ArithmeticError):
        raise TemplateRuntimeError(f"“{value}”不是金额，无法写成大写") from None


def make_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["大写"] = capitals
    return env
