"""An office folder of workbooks -> the loaded office (`OfficeData`)."""
