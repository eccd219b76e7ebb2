"""Reading one workbook file into raw cells at their Excel positions."""
