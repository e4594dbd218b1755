"""Findings: what the validator tells an officer, with where and how to fix it.

Every stage that can reject input speaks in findings rather than exceptions, so
bad input ends as a line of Thai text and never as a traceback.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # repository-relative, POSIX separators
    line: int  # 1-based; 1 when the whole file is at fault
    col: int  # 1-based
    severity: Severity
    code: str  # stable identifier, e.g. "R-PERCENT-MISMATCH"
    message: str  # Thai: what is wrong and what to write instead
    field: str = ""  # dotted location inside the report, e.g. "item7.percent"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
