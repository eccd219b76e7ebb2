"""`check`: the rules of the office-folder format, run over the loaded office."""
