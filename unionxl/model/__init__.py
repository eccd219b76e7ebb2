"""What an office folder is: the table contract (schema), cell values, one finding,
and typed tables that remember their Excel positions. Imports nothing else of unionxl."""
