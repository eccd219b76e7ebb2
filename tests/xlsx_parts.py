"""Build .xlsx packages part by part, for workbooks no spreadsheet program would write
(a cell at A4000000000, a member that inflates to gigabytes, an old macro sheet)."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
KINDS = {
    "worksheet": ("worksheets", f"{REL}/worksheet"),
    "macrosheet": (
        "macrosheets",
        "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
    ),
}


def sheet_xml(rows: str) -> str:
    """A worksheet part whose <sheetData> holds `rows` (raw <row> elements)."""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def inline_row(r: int, cells: dict[str, str]) -> str:
    """<row r=…> with inline-string cells {"A": "工号", …} (numbers when the text is one)."""
    out = []
    for col, value in cells.items():
        try:
            float(value)
            out.append(f'<c r="{col}{r}"><v>{value}</v></c>')
        except ValueError:
            out.append(f'<c r="{col}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
    return f'<row r="{r}">{"".join(out)}</row>'


def write_xlsx(
    path: Path,
    sheets: dict[str, str],
    *,
    kinds: dict[str, str] | None = None,
    parts: dict[str, bytes | str] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """An .xlsx at `path`: each sheet name -> its part's XML; `kinds` marks a sheet as a
    macrosheet; `parts` adds or replaces any member (xl/sharedStrings.xml …)."""
    kinds = kinds or {}
    rels, entries, members = [], [], {}
    for i, (name, xml) in enumerate(sheets.items(), start=1):
        folder, rel_type = KINDS[kinds.get(name, "worksheet")]
        members[f"xl/{folder}/sheet{i}.xml"] = xml
        rels.append(f'<Relationship Id="rId{i}" Type="{rel_type}" Target="{folder}/sheet{i}.xml"/>')
        entries.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
    members["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f"<sheets>{''.join(entries)}</sheets></workbook>"
    )
    members["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{"".join(rels)}'
        + (
            f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            if parts and "xl/sharedStrings.xml" in parts
            else ""
        )
        + "</Relationships>"
    )
    members["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-officedocument.'
        f'spreadsheetml.{"worksheet" if "/worksheets/" in name else "sheet.main" if name.endswith("workbook.xml") else "sharedStrings" if "sharedStrings" in name else "other"}+xml"/>'
        for name in members
        if name.startswith("xl/") and not name.endswith(".rels")
    )
    members["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )
    members.update(parts or {})
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
