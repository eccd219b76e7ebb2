"""The Excel side of unionxl: the control workbook `unionxl.xlsm` and its button.

- `control` builds `unionxl.xlsm` (XlsxWriter; no Excel needed), with the VBA project
  of the installed xlwings (`vba`) and the cell layout of `layout`.
- `button.main()` is what the button runs inside Excel (`RunPython "import unionxl;
  unionxl.main()"`); it reads the control sheet, calls the library, and hands plain
  data computed by `results` to `writer`, the only module that talks to xlwings.

Nothing here imports xlwings at import time: only `button.main()` does.
"""
