"""What the template doctor found in the shipped templates, kept beside them.

The built-in templates change only when `make templates` rebuilds them, yet every report
run examined all five again (about 220 small Jinja parses, a tenth of a second). Their
variables are stored in unionxl/templates/examined.json with each file's SHA-256, written
by scripts/make_templates.py and checked by the tests against a fresh examination. A
template whose bytes differ from the stored hash (or any office's own template) is
examined as before.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from unionxl.reports.doctor import TemplateInfo, examine

BUILTIN = Path(__file__).resolve().parents[1] / "templates"
STORE = BUILTIN / "examined.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def stored() -> dict[str, dict[str, object]]:
    try:
        return json.loads(STORE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def examined(path: Path, *, trial: bool) -> TemplateInfo:
    """`examine(path, trial=trial)`, from the store when `path` is a shipped template
    whose bytes are those examined (the tests render each shipped template)."""
    entry = stored().get(path.name) if path.parent == BUILTIN else None
    if entry is not None and not trial and entry.get("sha256") == digest(path):
        variables = entry.get("variables")
        if isinstance(variables, list):
            return TemplateInfo(path, set(map(str, variables)))
    return examine(path, trial=trial)


def write_store(folder: Path = BUILTIN) -> Path:
    """Examine every template in `folder` (with a trial render) and store the clean ones."""
    entries: dict[str, dict[str, object]] = {}
    for path in sorted(folder.glob("*.docx")):
        info = examine(path, trial=True)
        if info.problems:
            continue
        entries[path.name] = {"sha256": digest(path), "variables": sorted(info.variables)}
    target = folder / STORE.name
    target.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    stored.cache_clear()
    return target
