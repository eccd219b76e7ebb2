"""Union policy as data: the 设置 keys, built-in defaults, word lists, caps."""
