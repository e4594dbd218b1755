"""Validator, scorer and static-site builder for KPI 3.2 (FY พ.ศ. 2555)."""

__version__ = "0.1.0"
