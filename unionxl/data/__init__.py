"""The loaded office: tables, settings, roster, chart of accounts (no file access)."""
