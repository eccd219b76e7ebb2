"""The built-in report templates, one module each, built from the blocks of kit.py."""
