"""Read a whole repository's submissions into a Dataset plus findings.

This is the I/O edge of validation: it walks ``submissions/``, loads each file
with the hardened loader, and hands typed values to the pure rule checks.
Invalid reports are kept out of the Dataset and reported; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import geography, layout, rules
from .answers import canonical_document
from .convert import be_correction, code_str, to_pilots, to_report
from .findings import Finding
from .layout import (
    REGISTRY_FILE,
    REGISTRY_SCHEMA,
    REPORT_SCHEMA,
    SCHEMA_DIR,
    SETTINGS_FILE,
    SUBMISSIONS,
    classify,
    fiscal_years,
    is_fictional,
    yaml_files,
)
from .load import Document, load_yaml
from .model import Dataset, Pilot, Report
from .schema_check import schema_findings
from .settings import SettingsError, load_settings
from .withdrawals import load_withdrawals


@dataclass
class Loaded:
    """The outcome of reading a repository: data for the builder, findings for people."""

    datasets: dict[int, Dataset] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    country: geography.Country = field(default_factory=geography.real_country)

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def _rel(path: Path, base: Path) -> str:
    try:
        return path.absolute().relative_to(base.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def load_registry(
    root: Path, fiscal_year: int, loaded: Loaded, schema_base: Path
) -> dict[str, Pilot]:
    base = root / SUBMISSIONS
    pilots: dict[str, Pilot] = {}
    schema = schema_base / SCHEMA_DIR / REGISTRY_SCHEMA
    names = loaded.country.provinces
    for prov_dir in sorted((base / str(fiscal_year)).glob(f"*/{REGISTRY_FILE}")):
        doc = load_yaml(prov_dir, base, _rel(prov_dir, root))
        if isinstance(doc, Finding):
            loaded.findings.append(doc)
            continue
        loaded.documents[doc.path] = doc
        found = schema_findings(doc, schema)
        if found:
            loaded.findings.extend(found)
            continue
        data = doc.data
        assert isinstance(data, dict)  # schema-valid: a mapping
        prov = code_str(data["province_code"], 2)
        found = rules.check_registry(doc, fiscal_year, prov_dir.parent.name, loaded.country)
        loaded.findings.extend(found)
        # One wrong entry must not unregister the whole province: drop only that pilot.
        errors = [f.field.split(".") for f in found if f.is_error]
        if any(len(e) < 2 or e[0] != "pilots" for e in errors):
            continue
        bad = {code_str(e[1], 4) for e in errors}
        for pilot in to_pilots(doc, names.get(prov, prov)):
            if pilot.district_code not in bad:
                pilots[pilot.district_code] = pilot
    return pilots


def load_repository(
    root: Path, only: set[str] | None = None, schema_root: Path | None = None
) -> Loaded:
    """Load every fiscal year. ``only`` limits reported findings to those paths,
    while the rest of the repository still provides context (registry, other rounds).
    ``schema_root`` holds ``schema/`` (default: the tree's own, else the package's).
    A tree marked FICTIONAL is loaded as fictional, with its own geography if it has one."""
    root = root.absolute()
    loaded = _load(root, only, schema_root, geography.country_of(root))
    if is_fictional(root):
        for year, ds in loaded.datasets.items():
            loaded.datasets[year] = replace(ds, fictional=True)
    return loaded


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


_Partial = tuple[Report, frozenset[str]]  # a rejected report's intact parts, still checked


def _load(
    root: Path, only: set[str] | None, schema_root: Path | None, country: geography.Country
) -> Loaded:
    schema_base = (schema_root or layout.schema_root(root)).absolute()
    loaded = Loaded(country=country)
    by_year: dict[int, list[Report]] = {}
    partial: dict[int, list[_Partial]] = {}
    report_schema = schema_base / SCHEMA_DIR / REPORT_SCHEMA
    for path in yaml_files(root):
        doc = _report_document(path, root, loaded)
        if doc is None:
            continue
        report, broken = _to_report(doc, report_schema, loaded)
        if report is None:
            continue
        if broken is None:
            by_year.setdefault(report.fiscal_year, []).append(report)
        else:
            partial.setdefault(report.fiscal_year, []).append((report, broken))
    for year in sorted(set(fiscal_years(root)) | set(by_year) | set(partial)):
        _load_year(root, year, loaded, schema_base, by_year.get(year, []), partial.get(year, []))
    if only is not None:
        loaded.findings = [f for f in loaded.findings if f.path in only]
    loaded.findings.sort()
    return loaded


def _report_document(path: Path, root: Path, loaded: Loaded) -> Document | None:
    """A report file read as YAML; None (with findings) for anything else or unreadable."""
    base = root / SUBMISSIONS
    kind = classify(_rel(path, base))
    shown = _rel(path, root)
    if path.is_symlink():
        refused = load_yaml(path, base, shown)  # always the L-SYMLINK finding
        if isinstance(refused, Finding):
            loaded.findings.append(refused)
        return None
    if kind in ("settings", "registry", "withdrawals"):
        return None
    if kind == "unknown":
        loaded.findings.append(rules.misplaced_file(shown))
        return None
    doc = load_yaml(path, base, shown)
    if isinstance(doc, Finding):
        loaded.findings.append(doc)
        return None
    doc = canonical_document(doc)  # the paper's Thai wording -> canonical codes
    loaded.documents[doc.path] = doc
    return doc


def _to_report(
    doc: Document, report_schema: Path, loaded: Loaded
) -> tuple[Report | None, frozenset[str] | None]:
    """The typed report and, when the file is rejected, the parts left out of its checks."""
    found = schema_findings(doc, report_schema)
    if found:
        loaded.findings.extend(found)
        # Still check the intact parts, so officers see every problem in one pass.
        broken = rules.broken_keys(doc, found)
        stand_in = rules.partial_document(doc, broken)
        if stand_in is None:
            return None, None
        report, found = to_report(stand_in)
        loaded.findings.extend(found)
        return report, frozenset(broken)
    report, found = to_report(doc)
    loaded.findings.extend(found)
    if report is not None or not found:
        return report, None
    # Unreadable dates: check the rest too, so one pass shows every problem.
    stand_in, unread = _without_bad_dates(doc, found)
    report = to_report(stand_in)[0] if stand_in is not None else None
    return report, frozenset(unread)


def _load_year(
    root: Path,
    year: int,
    loaded: Loaded,
    schema_base: Path,
    reports: list[Report],
    partial: list[_Partial],
) -> None:
    """Check one fiscal year's reports against its settings and registry."""
    try:
        settings = load_settings(root, year)
    except SettingsError as exc:
        exists = (root / SUBMISSIONS / str(year) / SETTINGS_FILE).is_file()
        if exists or year in fiscal_years(root):
            loaded.findings.append(exc.finding)  # a settings file someone wrote, or owes
        # else only reports name this year: the finding is about their fiscal_year
        for report in [*reports, *(r for r, _ in partial)]:
            doc = loaded.documents[report.path]
            loaded.findings.append(rules.year_unavailable(doc, year, exists))
        return
    country = loaded.country
    pilots = load_registry(root, year, loaded, schema_base)
    withdrawn, found = load_withdrawals(root, year, schema_base)
    loaded.findings.extend(found)
    ctx = rules.Context(
        settings=settings, pilots=pilots, districts=country.by_code, country=country
    )
    valid: list[Report] = []
    for report in reports:
        found = rules.check_report(report, loaded.documents[report.path], ctx)
        loaded.findings.extend(found)
        if not any(f.is_error for f in found):
            valid.append(report)
    for report, skipped in partial:
        doc = loaded.documents[report.path]
        loaded.findings.extend(rules.check_report(report, doc, ctx, skip=skipped))
    found, valid = rules.check_across(valid, loaded.documents, ctx)
    loaded.findings.extend(found)
    loaded.datasets[year] = Dataset(
        settings=settings,
        districts=country.districts,
        pilots=pilots,
        reports=tuple(sorted(valid, key=lambda r: (r.district_code, r.round))),
        withdrawals=tuple(withdrawn),
    )
