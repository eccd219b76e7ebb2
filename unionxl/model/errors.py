"""The one exception unionxl raises: the tool could not run (never a data problem)."""


class UnionxlError(Exception):
    """A clear, one-line Chinese reason why unionxl could not do what was asked."""
