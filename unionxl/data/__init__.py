"""The loaded office: tables, policy, roster, chart of accounts (no file access)."""

from unionxl.data.office_data import Account, OfficeData

__all__ = ["Account", "OfficeData"]
