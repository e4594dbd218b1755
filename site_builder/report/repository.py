"""Read a whole repository's submissions into a Dataset plus findings.

This is the I/O edge of validation: it walks ``submissions/``, loads each file
with the hardened loader, and hands typed values to the pure rule checks.
Invalid reports are kept out of the Dataset and reported; nothing is guessed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import fanout, geography, layout
from ..layout import (
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
from ..model import Dataset, Pilot, Report
from ..record.withdrawals import Withdrawal, load_withdrawals
from ..settings import SettingsError, load_settings
from . import rules
from .convert import code_str, to_pilots
from .findings import Finding
from .load import Document, load_yaml
from .reading import read_document
from .schema_check import schema_findings


@dataclass
class Loaded:
    """The outcome of reading a repository: data for the builder, findings for people."""

    datasets: dict[int, Dataset] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # positions; data dropped
    files: list[str] = field(default_factory=list)  # every YAML file found, relative to the root
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
    root: Path,
    only: set[str] | None = None,
    schema_root: Path | None = None,
    cache: FileCache | None = None,
) -> Loaded:
    """Load every fiscal year. ``only`` limits reported findings to those paths,
    while the rest of the repository still provides context (registry, other rounds).
    ``schema_root`` holds ``schema/`` (default: the tree's own, else the package's).
    A tree marked FICTIONAL is loaded as fictional, with its own geography if it has one.
    ``cache`` (the preview's) reuses the per-file checks of files that did not change."""
    root = root.absolute()
    loaded = _load(root, only, schema_root, geography.country_of(root), cache)
    if is_fictional(root):
        for year, ds in loaded.datasets.items():
            loaded.datasets[year] = replace(ds, fictional=True)
    return loaded


@dataclass(frozen=True, slots=True)
class _FileResult:
    """What checking one report file on its own gives (picklable: it may come from a
    forked worker). ``document`` keeps no data: the typed report carries it, and the
    positions are read again from the file if a later finding needs them."""

    findings: list[Finding]
    document: Document | None = None
    report: Report | None = None
    broken: frozenset[str] | None = None  # rejected: the parts its checks left out
    checked: bool = False  # the single-report rules ran with the year's context
    valid: bool = False  # checked, and no error: it may enter the dataset


@dataclass(frozen=True)
class _Unavailable:
    """A fiscal year whose settings cannot be read: its reports cannot be checked."""

    settings_exist: bool


_Year = rules.Context | _Unavailable

_RACY_NS = 2_000_000_000  # a file this recent may change again without its stat changing


class FileCache:
    """The per-file checks of a tree, kept between loads (the preview reloads after
    every edit; re-checking 4,000 unchanged files was 2 CPU-seconds of each).

    An entry is reused only while the file's size, mtime and inode are what they
    were, the file was older than two seconds when it was checked (a file written
    within the same clock tick could change without its stat changing), and the
    context it was checked against (settings, registries, withdrawals, schemas,
    geography) has not changed; otherwise the whole cache starts over. Rules
    across files are never cached: they run on every load.
    """

    def __init__(self) -> None:
        self._context: tuple[object, ...] | None = None
        self._entries: dict[Path, tuple[tuple[int, ...], _FileResult]] = {}
        self.hits = 0  # files whose checks were reused by the last load

    def start(self, context: tuple[object, ...]) -> None:
        if context != self._context:
            self._context, self._entries = context, {}
        self.hits = 0

    def get(self, path: Path) -> _FileResult | None:
        entry = self._entries.get(path)
        key = _stat_key(path)
        if entry is None or key is None or entry[0] != key:
            return None
        self.hits += 1
        return entry[1]

    def put(self, path: Path, key: tuple[int, ...] | None, result: _FileResult) -> None:
        if key is not None and key[-1] < time.time_ns() - _RACY_NS:
            self._entries[path] = (key, result)
        else:
            self._entries.pop(path, None)


def _stat_key(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_mode, st.st_ino, st.st_size, st.st_mtime_ns)


def _context_key(root: Path, schema_base: Path, paths: list[Path]) -> tuple[object, ...]:
    """Everything a report file's own checks read besides the file itself."""
    base = root / SUBMISSIONS
    inputs = [
        p for p in paths if classify(_rel(p, base)) in ("settings", "registry", "withdrawals")
    ]
    inputs += sorted((schema_base / SCHEMA_DIR).glob("*"))
    inputs += [root / layout.FICTIONAL_MARKER, root / geography.FICTIONAL_GEOGRAPHY]
    return (root, schema_base, tuple((p, _stat_key(p)) for p in inputs))


def _load(
    root: Path,
    only: set[str] | None,
    schema_root: Path | None,
    country: geography.Country,
    cache: FileCache | None = None,
) -> Loaded:
    schema_base = (schema_root or layout.schema_root(root)).absolute()
    loaded = Loaded(country=country)
    report_schema = schema_base / SCHEMA_DIR / REPORT_SCHEMA
    # Each year's settings and registry first, so every report file can then be
    # checked on its own, on every core (fanout.py); cross-file rules stay here.
    paths = yaml_files(root)
    if cache is not None:  # before the context is read: a later change shows next time
        cache.start(_context_key(root, schema_base, paths))
    years: dict[int, _Year] = {}
    withdrawn: dict[int, list[Withdrawal]] = {}
    for year in fiscal_years(root):
        years[year] = _year_context(root, year, loaded, schema_base, withdrawn)

    def one(path: Path) -> _FileResult:
        return _check_file(path, root, report_schema, years)

    by_year: dict[int, list[_FileResult]] = {}
    loaded.files = [p.relative_to(root).as_posix() for p in paths]
    for result in _check_files(one, paths, cache):
        loaded.findings.extend(result.findings)
        if result.document is not None:
            loaded.documents[result.document.path] = result.document
        if result.report is not None:
            by_year.setdefault(result.report.fiscal_year, []).append(result)
    for year in sorted(set(years) | set(by_year)):
        if year not in years:  # named only by reports: no folder, so no settings
            years[year] = _year_context(root, year, loaded, schema_base, withdrawn)
        _finish_year(year, years[year], loaded, by_year.get(year, []), withdrawn)
    if only is not None:
        loaded.findings = [f for f in loaded.findings if f.path in only]
    loaded.findings.sort()
    return loaded


def _check_files(
    one: Callable[[Path], _FileResult],
    paths: list[Path],
    cache: FileCache | None,
) -> list[_FileResult]:
    """Every file's own checks, in order: from the cache where it still holds."""
    if cache is None:
        return fanout.map_ordered(one, paths)
    found: dict[Path, _FileResult] = {}
    missing: list[tuple[Path, tuple[int, ...] | None]] = []
    for path in paths:
        hit = cache.get(path)
        if hit is None:
            missing.append((path, _stat_key(path)))  # before reading: a later write shows
        else:
            found[path] = hit
    fresh = fanout.map_ordered(one, [p for p, _ in missing])
    for (path, key), result in zip(missing, fresh, strict=True):
        cache.put(path, key, result)
        found[path] = result
    return [found[p] for p in paths]


def _check_file(
    path: Path, root: Path, report_schema: Path, years: dict[int, _Year]
) -> _FileResult:
    """Load, schema, convert and the single-report rules for one file."""
    findings: list[Finding] = []
    doc = _report_document(path, root, findings)
    if doc is None:
        return _FileResult(findings)
    reading = read_document(doc, report_schema)
    findings.extend(reading.findings)
    doc, report, broken = reading.document or doc, reading.report, reading.broken
    ctx = years.get(report.fiscal_year) if report is not None else None
    checked = valid = False
    if report is not None and isinstance(ctx, rules.Context):
        found = rules.check_report(report, doc, ctx, skip=broken or frozenset())
        findings.extend(found)
        checked = True
        valid = broken is None and not any(f.is_error for f in found)
    return _FileResult(findings, doc.with_data(None), report, broken, checked, valid)


def _report_document(path: Path, root: Path, findings: list[Finding]) -> Document | None:
    """A report file read as YAML; None (with findings) for anything else or unreadable."""
    base = root / SUBMISSIONS
    kind = classify(_rel(path, base))
    shown = _rel(path, root)
    if path.is_symlink():
        refused = load_yaml(path, base, shown)  # always the L-SYMLINK finding
        if isinstance(refused, Finding):
            findings.append(refused)
        return None
    if kind in ("settings", "registry", "withdrawals"):
        return None
    if kind == "unknown":
        findings.append(rules.misplaced_file(shown))
        return None
    doc = load_yaml(path, base, shown)
    if isinstance(doc, Finding):
        findings.append(doc)
        return None
    return doc


def _year_context(
    root: Path, year: int, loaded: Loaded, schema_base: Path, withdrawn: dict[int, list[Withdrawal]]
) -> _Year:
    """One fiscal year's settings, registry and withdrawals: what its reports are
    checked against, or the settings problem that stops them being checked."""
    try:
        settings = load_settings(root, year)
    except SettingsError as exc:
        exists = (root / SUBMISSIONS / str(year) / SETTINGS_FILE).is_file()
        if exists or year in fiscal_years(root):
            loaded.findings.extend(exc.findings)  # a settings file someone wrote, or owes
        # else only reports name this year: the finding is about their fiscal_year
        return _Unavailable(exists)
    country = loaded.country
    pilots = load_registry(root, year, loaded, schema_base)
    withdrawn[year], found = load_withdrawals(root, year, schema_base)
    loaded.findings.extend(found)
    return rules.Context(
        settings=settings, pilots=pilots, districts=country.by_code, country=country
    )


def _finish_year(
    year: int,
    ctx: _Year,
    loaded: Loaded,
    results: list[_FileResult],
    withdrawn: dict[int, list[Withdrawal]],
) -> None:
    """The rules across one year's reports, and its dataset."""
    if isinstance(ctx, _Unavailable):
        for result in results:
            assert result.document is not None
            loaded.findings.append(
                rules.year_unavailable(result.document, year, ctx.settings_exist)
            )
        return
    valid: list[Report] = []
    for result in results:
        report = result.report
        assert report is not None and result.document is not None
        if not result.checked:  # a year first seen in this report (not in the tree's folders)
            found = rules.check_report(
                report, result.document, ctx, skip=result.broken or frozenset()
            )
            loaded.findings.extend(found)
            if result.broken is None and not any(f.is_error for f in found):
                valid.append(report)
        elif result.valid:
            valid.append(report)
    found, valid = rules.check_across(valid, loaded.documents, ctx)
    loaded.findings.extend(found)
    loaded.datasets[year] = Dataset(
        settings=ctx.settings,
        districts=loaded.country.districts,
        pilots=ctx.pilots,
        reports=tuple(sorted(valid, key=lambda r: (r.district_code, r.round))),
        withdrawals=tuple(withdrawn.get(year, ())),
    )
