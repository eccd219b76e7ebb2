"""An office folder of workbooks (or rows in memory) -> the loaded office (`OfficeData`)."""

from unionxl.loading.folder import load_folder
from unionxl.loading.memory import office_from_rows

__all__ = ["load_folder", "office_from_rows"]
