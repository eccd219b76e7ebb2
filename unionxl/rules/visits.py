from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..findings import Finding

if TYPE_CHECKING:
    from ..office import Office


def check(office: Office) -> Iterator[Finding]:
    return iter(())
