"""Where things are in `unionxl.xlsm`: shared by `control` (writes the file) and
`button` (reads it inside Excel), so the two cannot drift apart."""

from __future__ import annotations

WORKBOOK_NAME = "unionxl.xlsm"  # ASCII: the macro imports the module named like the file

CONTROL_SHEET = "开始"
CONFIG_SHEET = "xlwings.conf"  # read by xlwings' VBA: keys from A1 down, values in B
FINDINGS_SHEET = "校验结果"
SUMMARY_SHEET = "汇总"

# The control sheet's input cells (what the user chooses), the button, the status line.
ACTION_CELL = "C4"
FOLDER_CELL = "C5"
YEAR_CELL = "C6"
BUTTON_CELL = "C8"  # top-left corner of the button
STATUS_CELL = "C10"

CHECK, TOTALS, REPORTS, ALL = "校验", "汇总", "生成报告", "全部"
ACTIONS = (CHECK, TOTALS, REPORTS, ALL)
DEFAULT_ACTION = ALL

REPORTS_FOLDER = "报告"  # created beside the office workbooks

# The macro of xlwings' standalone template (`Module1.SampleCall`): it runs
# `import <workbook name>; <workbook name>.main()`, i.e. `unionxl.main()`.
MACRO = "SampleCall"
