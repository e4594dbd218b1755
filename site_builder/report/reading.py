"""One way to read a report: load -> Thai answers -> schema -> convert.

Every version of a report is read here, whether it is a file in the tree, an old
version from a git blob, a file the web form wrote or a test's fixture. Reading it
anywhere else risked evaluating a document whose Thai answers ("ดำเนินการแล้ว") were
never turned into codes, so a revision written in the paper's wording once met no
criterion at all. The steps, in order:

1. the hardened YAML loader (``load.py``; for text, :func:`load.parse_text`);
2. the paper's Thai wording read as codes (``answers.canonical_document``);
3. the JSON Schema, retold in Thai (``schema_check.py``);
4. typed values (``convert.py``).

A report the schema refuses is still converted from its intact parts (``broken``
names the parts left out), so one pass can list every problem; such a reading is
never ``sound`` and never counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..layout import REPORT_SCHEMA, SCHEMA_DIR
from ..model import Report
from . import rules
from .answers import canonical_document
from .convert import be_correction, to_report
from .findings import Finding
from .load import Document, load_text
from .schema_check import schema_findings


@dataclass(frozen=True)
class Reading:
    """A report document as read: its canonical document, typed value and findings."""

    document: Document | None  # answers as codes; None when the text could not be read
    report: Report | None
    findings: tuple[Finding, ...]
    broken: frozenset[str] | None = None  # refused: the parts its checks left out

    @property
    def sound(self) -> bool:
        """Read whole, with no error: the report may be evaluated as written."""
        return (
            self.report is not None
            and self.broken is None
            and not any(f.is_error for f in self.findings)
        )


def default_schema() -> Path:
    """The report schema this package ships (``schema/report.schema.json``)."""
    from ..resources import schema_dir

    return schema_dir() / REPORT_SCHEMA


def read_document(doc: Document, schema: Path | None = None) -> Reading:
    """Steps 2-4 for a loaded document (``schema``: default :func:`default_schema`)."""
    doc = canonical_document(doc)
    findings: list[Finding] = []
    report, broken = _to_report(doc, schema or default_schema(), findings)
    return Reading(doc, report, tuple(findings), broken)


def read_text(text: str, path: str, schema: Path | None = None) -> Reading:
    """All four steps for a report's text, such as an old version from git."""
    doc = load_text(text, path)
    if isinstance(doc, Finding):
        return Reading(None, None, (doc,))
    return read_document(doc, schema)


def schema_path(schema_base: Path) -> Path:
    """The report schema under a folder that holds ``schema/``."""
    return schema_base / SCHEMA_DIR / REPORT_SCHEMA


def _to_report(
    doc: Document, schema: Path, findings: list[Finding]
) -> tuple[Report | None, frozenset[str] | None]:
    """The typed report and, when the file is rejected, the parts left out of its checks."""
    found = schema_findings(doc, schema)
    if found:
        findings.extend(found)
        # Still check the intact parts, so officers see every problem in one pass.
        broken = rules.broken_keys(doc, found)
        stand_in = rules.partial_document(doc, broken)
        if stand_in is None:
            return None, None
        report, found = to_report(stand_in)
        findings.extend(found)
        return report, frozenset(broken)
    report, found = to_report(doc)
    findings.extend(found)
    if report is not None or not found:
        return report, None
    # Unreadable dates: check the rest too, so one pass shows every problem.
    stand_in, unread = _without_bad_dates(doc, found)
    report = to_report(stand_in)[0] if stand_in is not None else None
    return report, frozenset(unread)


def _without_bad_dates(doc: Document, found: list[Finding]) -> tuple[Document | None, set[str]]:
    """A stand-in for a report whose only problems are dates, for the remaining checks.

    Items with an unreadable date become placeholders (and are skipped by the rules);
    a CE report date is read as the พ.ศ. date its finding already spells out. The
    report itself stays rejected: this only lets officers see every problem at once.
    """
    broken = {f.field.split(".")[0] for f in found if f.field.startswith("item")}
    data = dict(doc.data) if isinstance(doc.data, dict) else {}
    if any(f.field == "report_date" for f in found):
        corrected = be_correction(data.get("report_date"))
        if corrected is None:
            return None, broken
        data["report_date"] = corrected
    stand_in = rules.partial_document(doc.with_data(data), broken)
    return stand_in, broken
