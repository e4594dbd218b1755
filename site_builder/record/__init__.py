"""The git record: when each report reached main, its revisions and withdrawals,
and what a pull request touches.
"""
