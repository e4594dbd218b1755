"""Findings: what the validator tells an officer, with where and how to fix it.

Every stage that can reject input speaks in findings rather than exceptions, so
bad input ends as a line of Thai text and never as a traceback.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .finding_codes import CATALOGUE, Code, Severity

__all__ = ["Finding", "Severity", "echo", "has_errors"]


def safe_name(path: str, controls: bool = True) -> str:
    """A file name fit to print and quote: bytes that are not UTF-8 (kept by Python as
    surrogates) written as \\xNN, control characters as \\uNNNN, so a hostile or
    mis-encoded name can neither crash an output, break a line, nor pass for another.
    ``controls=False`` leaves control characters to each output's own escaping."""
    if path.isprintable():
        return path
    out = []
    for ch in path:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02X}")
        elif controls and not ch.isprintable() and ch != " ":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, order=True, init=False)
class Finding:
    path: str  # repository-relative, POSIX separators
    line: int  # 1-based; 1 when the whole file is at fault
    col: int  # 1-based
    severity: Severity  # the catalogue's, never the emitter's
    code: str  # stable identifier, e.g. "R-PERCENT-MISMATCH"
    message: str  # Thai: what is wrong and what to write instead
    field: str = ""  # dotted location inside the report, e.g. "item7.percent"

    def __init__(
        self, path: str, line: int, col: int, code: Code, message: str, field: str = ""
    ) -> None:
        """A finding of ``code``, a constant of ``finding_codes``; any other code raises."""
        entry = CATALOGUE.get(code.id) if isinstance(code, Code) else None
        if entry is None or entry != code:
            raise ValueError(f"{code!r} is not a code of the catalogue (finding_codes.py)")
        for name, value in (
            ("path", safe_name(path, controls=False)),
            ("line", line),
            ("col", col),
            ("severity", entry.severity),
            ("code", entry.id),
            ("message", message),
            ("field", field),
        ):
            object.__setattr__(self, name, value)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_dict(self) -> dict[str, object]:
        """The finding plus its catalogue entry's Thai title and help (JSON output)."""
        entry = CATALOGUE[self.code]
        return asdict(self) | {"title": entry.title, "help": entry.help}


ECHO_MAX = 60  # characters of an officer's text quoted back in a message


def echo(value: object) -> str:
    """What an officer wrote, for quoting in a message: booleans as YAML spells them,
    whitespace collapsed, and cut at ECHO_MAX characters (a 60,000-digit number must
    not become a 60 KB line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(ว่าง)"
    text = " ".join(str(value).split())
    if len(text) <= ECHO_MAX:
        return text
    return f"{text[:ECHO_MAX]}… (ยาว {len(text):,} ตัวอักษร)"


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
