"""What the git record says about each report: arrival, revisions, withdrawal.

Why git and which date: a report's ``report_date`` is typed by its submitter, and
dates inside a submitter's branch come from the submitter's machine. The one date
nobody outside the git host sets is when a commit lands on ``main``: the committer
time of the first-parent commit of ``main`` that brought the file (the merge or
squash commit the host writes when a pull request is merged). That date decides
on time or late; the typed date is shown beside it (see the methodology page).

Pure: the git edge (``gitlog.py``) hands over the parsed log and blob texts; this
module folds them into a ``History``. Each report version is read the one way every
report is read (``reading.py``: loader, Thai answers, schema, convert) and evaluated
with the same criteria, so a revision written in codes or in the paper's wording can
say which fields changed (old -> new) and whether a criterion changed with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from ..figures.evaluate import CRITERIA, evaluate
from ..layout import SUBMISSIONS, classify
from ..model import Dataset, Report, Settings
from ..report.form_spec import STATUS_ITEMS, canonical
from ..report.load import Document, load_text
from ..report.reading import Reading, read_text
from ..thai import parse_be_date

# Due dates are Thai calendar days: a commit at 23:30 on the 25th Bangkok time is on time.
THAI_TZ = timezone(timedelta(hours=7), "ICT")

# Why a build has no dates; the pages print the Thai sentence.
UNAVAILABLE = {
    "not_git": "ข้อมูลชุดนี้ไม่มีบันทึกการรับรายงาน จึงไม่มีวันที่รับรายงานและประวัติการแก้ไข",
    "shallow": "คลังข้อมูลที่ใช้สร้างเว็บไซต์ถูกดึงมาไม่ครบประวัติ จึงแสดงวันที่รับรายงานและประวัติการแก้ไขไม่ได้",
    "error": "อ่านบันทึกการรับรายงานไม่ได้ จึงไม่มีวันที่รับรายงานและประวัติการแก้ไข",
}


@dataclass(frozen=True)
class Commit:
    sha: str
    time: datetime  # committer time on main, in Thai time

    @property
    def day(self) -> date:
        return self.time.date()

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class FileChange:
    """One line of ``git log --raw`` for one commit."""

    status: str  # A M D R (rename, -M) T
    old_blob: str
    new_blob: str
    path: str
    new_path: str | None = None  # renames only


@dataclass(frozen=True)
class LogEntry:
    commit: Commit
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class FieldChange:
    field: str  # dotted, as in reports.csv: "item7.projects"
    old: object
    new: object


@dataclass(frozen=True)
class CriterionChange:
    criterion: int
    old: str  # outcome: met | not_met | not_reported
    new: str


@dataclass(frozen=True)
class Event:
    """Something that happened to one report file on main."""

    kind: str  # received | revised | moved_in | withdrawn | moved_out
    commit: Commit
    changes: tuple[FieldChange, ...] = ()
    criteria: tuple[CriterionChange, ...] = ()
    other_path: str | None = None  # moved_in: from; moved_out: to
    meets_all: tuple[bool, bool] | None = None  # (old, new) when it changed


@dataclass(frozen=True)
class ReportHistory:
    path: str
    events: tuple[Event, ...]

    @property
    def received(self) -> Commit | None:
        """The latest arrival (a report withdrawn and sent again arrives again)."""
        arrivals = [e.commit for e in self.events if e.kind == "received"]
        return arrivals[-1] if arrivals else None

    @property
    def revisions(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.kind in ("revised", "moved_in"))

    @property
    def last(self) -> Commit:
        """The commit of the version shown (or of the withdrawal)."""
        return self.events[-1].commit

    @property
    def gone(self) -> Event | None:
        """The withdrawal or move, when the file is no longer at this path."""
        last = self.events[-1]
        return last if last.kind in ("withdrawn", "moved_out") else None


@dataclass(frozen=True)
class RegistryEvent:
    commit: Commit
    kind: str  # added | changed | deleted
    added: tuple[tuple[str, str], ...] = ()  # (district code, LAO name)
    removed: tuple[tuple[str, str], ...] = ()
    renamed: tuple[tuple[str, str, str], ...] = ()  # (district code, old name, new name)


@dataclass(frozen=True)
class History:
    """The record for one build. ``status`` other than "ok" means no dates at all."""

    status: str  # ok | not_git | shallow | error
    head: Commit | None = None  # the newest commit that changed submissions/
    dirty: bool = False  # the working tree's submissions/ differs from that commit
    reports: dict[str, ReportHistory] = field(default_factory=dict)
    registries: dict[str, tuple[RegistryEvent, ...]] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.status == "ok"

    @property
    def unavailable_reason(self) -> str | None:
        return None if self.available else UNAVAILABLE.get(self.status, UNAVAILABLE["error"])

    def of(self, path: str) -> ReportHistory | None:
        return self.reports.get(path) if self.available else None

    def withdrawn(self) -> list[ReportHistory]:
        """Reports no longer in the tree: withdrawn or moved away, newest last."""
        return list(self._withdrawn)

    @cached_property
    def _withdrawn(self) -> tuple[ReportHistory, ...]:
        # Found once per build: every pilot page asks, and reports outnumber pilots.
        gone = [h for h in self.reports.values() if h.gone is not None]
        return tuple(sorted(gone, key=lambda h: (h.last.time, h.path)))


def unavailable(status: str) -> History:
    return History(status=status)


# ---------------------------------------------------------------- parsing the log


def parse_log(raw: bytes) -> list[LogEntry]:
    """Parse ``git log --raw -z --no-abbrev --format=%x01%H %ct``; oldest first."""
    entries = []
    for chunk in raw.split(b"\x01")[1:]:
        head, _, rest = chunk.partition(b"\0")
        sha, _, ct = head.decode("ascii", "replace").partition(" ")
        commit = Commit(sha.strip(), datetime.fromtimestamp(int(ct), THAI_TZ))
        tokens = rest.lstrip(b"\n").split(b"\0")
        changes = []
        i = 0
        while i < len(tokens):
            meta = tokens[i].decode("ascii", "replace")
            i += 1
            if not meta.startswith(":"):
                continue
            parts = meta[1:].split()
            if len(parts) < 5:
                continue
            status = parts[4][0]
            path = tokens[i].decode("utf-8", "replace") if i < len(tokens) else ""
            i += 1
            new_path = None
            if status in ("R", "C"):
                new_path = tokens[i].decode("utf-8", "replace") if i < len(tokens) else ""
                i += 1
            changes.append(FileChange(status, parts[2], parts[3], path, new_path))
        entries.append(LogEntry(commit, tuple(changes)))
    entries.reverse()
    return entries


def blobs_needed(entries: list[LogEntry], known: dict[str, object] | None = None) -> list[str]:
    """Every blob the fold may read: report and registry versions, before and after,
    except those whose facts ``known`` already holds (a revision it knows, a
    registry version it knows). Added and deleted reports are never read."""
    known = known or {}
    wanted: dict[str, None] = {}
    for e in entries:
        for c in e.changes:
            path = c.new_path or c.path
            kind = _kind(path)
            if kind == "report":
                if c.status in ("A", "D") or revision_key(c.old_blob, c.new_blob, path) in known:
                    continue
                blobs: tuple[str, ...] = (c.old_blob, c.new_blob)
            elif kind == "registry" or _kind(c.path) == "registry":
                blobs = tuple(b for b in (c.old_blob, c.new_blob) if registry_key(b) not in known)
            else:
                continue
            for blob in blobs:
                if blob.strip("0"):
                    wanted[blob] = None
    return list(wanted)


def _kind(path: str) -> str:
    prefix = f"{SUBMISSIONS}/"
    return classify(path[len(prefix) :]) if path.startswith(prefix) else "other"


# ---------------------------------------------------------------- folding


class _Versions:
    """Parsed and evaluated report versions, once per blob.

    ``known`` holds facts of earlier builds (``history_cache.py``): a revision's
    changes by (old blob, new blob, path) and a registry's names by blob. Blob ids
    name contents, so a fact can never be stale; the parse is the slow part, and a
    known fact skips it. ``used`` collects every fact this fold needed, to keep.
    """

    def __init__(
        self,
        text: Callable[[str], str | None],
        settings: Settings | None,
        known: dict[str, object] | None = None,
        schema: Path | None = None,
    ) -> None:
        self.text = text
        self.settings = settings
        self.schema = schema
        self.known = known or {}
        self.used: dict[str, object] = {}
        self.flat: dict[str, dict[str, object] | None] = {}
        self.evaluated: dict[str, tuple[tuple[str, ...], bool] | None] = {}
        self.readings: dict[str, Reading | None] = {}

    def registry(self, blob: str) -> object:
        """A registry version's data (registries are not reports: loaded, not read)."""
        raw = self.text(blob)
        doc = load_text(raw, blob) if raw is not None else None
        return doc.data if isinstance(doc, Document) else None

    def reading(self, blob: str, path: str) -> Reading | None:
        """The version read the one way every report is read (``reading.py``)."""
        if blob not in self.readings:
            raw = self.text(blob)
            self.readings[blob] = read_text(raw, path, self.schema) if raw is not None else None
        return self.readings[blob]

    def fields(self, blob: str, path: str) -> dict[str, object] | None:
        if blob not in self.flat:
            reading = self.reading(blob, path)
            data = reading.document.data if reading and reading.document else None
            self.flat[blob] = _flatten(data) if isinstance(data, dict) else None
        return self.flat[blob]

    def outcomes(self, blob: str, path: str) -> tuple[tuple[str, ...], bool] | None:
        if blob not in self.evaluated:
            self.evaluated[blob] = self._evaluate(blob, path)
        return self.evaluated[blob]

    def _evaluate(self, blob: str, path: str) -> tuple[tuple[str, ...], bool] | None:
        if self.settings is None:
            return None
        reading = self.reading(blob, path)
        # an old version may not have been a valid report; then no verdict to compare
        if reading is None or not reading.sound or reading.report is None:
            return None
        report = reading.report
        if report.fiscal_year != self.settings.fiscal_year:
            return None
        ev = evaluate(report, self.settings)
        return tuple(c.outcome for c in ev.criteria), ev.meets_all


def _flatten(data: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        elif isinstance(value, list):
            out[name] = tuple(value)
        else:
            out[name] = value
    return out


def _same(name: str, a: object, b: object) -> bool:
    """Equal values, the same choice answered in other words ("มีคณะทำงาน" = "done"), or
    the same date written in other digits ("๒๕๕๕-๐๔-๓๐" = "2555-04-30")."""
    if a == b:
        return True
    if isinstance(a, str) and isinstance(b, str):
        da, db = parse_be_date(a), parse_be_date(b)
        if isinstance(da, date) and da == db:
            return True
    if isinstance(a, tuple) and isinstance(b, tuple):
        return tuple(canonical(name, v) or v for v in a) == tuple(
            canonical(name, v) or v for v in b
        )
    return canonical(name, a) is not None and canonical(name, a) == canonical(name, b)


def _diff(old: dict[str, object] | None, new: dict[str, object] | None) -> tuple[FieldChange, ...]:
    if old is None or new is None:
        return ()
    keys = list(new) + [k for k in old if k not in new]
    return tuple(
        FieldChange(k, old.get(k), new.get(k))
        for k in keys
        if (k in old) != (k in new) or not _same(k, old.get(k), new.get(k))
    )


def _decides(name: str) -> bool:
    """Fields the criteria read: items 2-8, except the percent an officer wrote."""
    head, _, leaf = name.partition(".")
    return head in _DECIDING and leaf != "percent"


_DECIDING = {f"item{n}" for n in STATUS_ITEMS}


def revision_key(old_blob: str, new_blob: str, path: str) -> str:
    return f"{old_blob} {new_blob} {path}"


def registry_key(blob: str) -> str:
    return f"registry {blob}"


def _revision(
    kind: str, commit: Commit, c: FileChange, path: str, versions: _Versions, other: str | None
) -> Event:
    key = revision_key(c.old_blob, c.new_blob, path)
    facts = _decode_revision(versions.known.get(key))
    if facts is None:
        facts = _compare(c, path, versions)
        encoded = _encode_revision(*facts)
        if encoded is not None:
            versions.used[key] = encoded
    else:
        versions.used[key] = versions.known[key]
    changes, criteria, meets = facts
    return Event(kind, commit, changes, criteria, other, meets)


_Facts = tuple[tuple[FieldChange, ...], tuple[CriterionChange, ...], tuple[bool, bool] | None]


def _compare(c: FileChange, path: str, versions: _Versions) -> _Facts:
    changes = _diff(versions.fields(c.old_blob, path), versions.fields(c.new_blob, path))
    criteria: tuple[CriterionChange, ...] = ()
    meets: tuple[bool, bool] | None = None
    if any(_decides(ch.field) for ch in changes):  # only then can a verdict change
        old = versions.outcomes(c.old_blob, path)
        new = versions.outcomes(c.new_blob, path)
        if old is not None and new is not None:
            criteria = tuple(
                CriterionChange(n, a, b)
                for n, a, b in zip(CRITERIA, old[0], new[0], strict=True)
                if a != b
            )
            if old[1] != new[1]:
                meets = (old[1], new[1])
    return changes, criteria, meets


def _plain(value: object, top: bool = True) -> bool:
    """Values that come back from JSON as they were (a top-level tuple or Decimal is
    restored; a flattened value is never a dict, so a dict marks a Decimal)."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) is Decimal and top:
        return True
    if isinstance(value, tuple) and top:
        return all(_plain(v, False) for v in value)
    if type(value) is list:
        return all(_plain(v, False) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _plain(v, False) for k, v in value.items())
    return False


def _encode_revision(
    changes: tuple[FieldChange, ...],
    criteria: tuple[CriterionChange, ...],
    meets: tuple[bool, bool] | None,
) -> list | None:
    """A revision's facts as JSON values; None when a value would not come back the same."""
    if not all(_plain(ch.old) and _plain(ch.new) for ch in changes):
        return None
    return [
        [[ch.field, _json(ch.old), _json(ch.new)] for ch in changes],
        [[cc.criterion, cc.old, cc.new] for cc in criteria],
        list(meets) if meets is not None else None,
    ]


def _json(value: object) -> object:
    return {"decimal": str(value)} if isinstance(value, Decimal) else value


def _restore(value: object) -> object:
    if isinstance(value, dict):
        return Decimal(value["decimal"])
    return tuple(value) if isinstance(value, list) else value


def _decode_revision(raw: object) -> _Facts | None:
    """The facts back from the cache; None for anything malformed (then recomputed)."""
    try:
        assert isinstance(raw, list) and len(raw) == 3
        changes = tuple(FieldChange(str(f), _restore(o), _restore(n)) for f, o, n in raw[0])
        criteria = tuple(CriterionChange(int(k), str(a), str(b)) for k, a, b in raw[1])
        meets = None if raw[2] is None else (bool(raw[2][0]), bool(raw[2][1]))
        return changes, criteria, meets
    except (AssertionError, TypeError, ValueError, IndexError, KeyError, ArithmeticError):
        return None


def _pilot_names(data: object) -> dict[str, str]:
    if not isinstance(data, dict) or not isinstance(data.get("pilots"), dict):
        return {}
    out = {}
    for code, p in data["pilots"].items():
        name = p.get("lao_name") if isinstance(p, dict) else None
        out[str(code).zfill(4)] = str(name) if name is not None else ""
    return out


def _registry_names(blob: str, versions: _Versions) -> dict[str, str]:
    key = registry_key(blob)
    raw = versions.known.get(key)
    if isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        names = {str(k): v for k, v in raw.items()}
    else:
        names = _pilot_names(versions.registry(blob))
    versions.used[key] = names
    return names


def _registry_event(commit: Commit, c: FileChange, versions: _Versions) -> RegistryEvent:
    kind = {"A": "added", "D": "deleted"}.get(c.status, "changed")
    old = _registry_names(c.old_blob, versions) if c.status != "A" else {}
    new = _registry_names(c.new_blob, versions) if c.status != "D" else {}
    return RegistryEvent(
        commit,
        kind,
        added=tuple((k, new[k]) for k in sorted(new) if k not in old),
        removed=tuple((k, old[k]) for k in sorted(old) if k not in new),
        renamed=tuple((k, old[k], new[k]) for k in sorted(new) if k in old and old[k] != new[k]),
    )


def fold(
    entries: list[LogEntry],
    text: Callable[[str], str | None],
    settings: Settings | None = None,
    head: Commit | None = None,
    dirty: bool = False,
    known: dict[str, object] | None = None,
    used: dict[str, object] | None = None,
    schema: Path | None = None,
) -> History:
    """Turn the log (oldest first) into per-report and per-registry histories.

    ``known``: facts from earlier builds (see ``_Versions``); every fact this fold
    needed is put in ``used`` (when given), so the caller can keep exactly those.
    ``schema``: the report schema every version is read against (``reading.py``;
    default: the package's).
    """
    versions = _Versions(text, settings, known, schema)
    events: dict[str, list[Event]] = {}
    registries: dict[str, list[RegistryEvent]] = {}
    for entry in entries:
        commit = entry.commit
        for c in entry.changes:
            if c.status in ("R", "C") and c.new_path:
                _fold_move(commit, c, versions, events)
                continue
            kind = _kind(c.path)
            if kind == "registry":
                registries.setdefault(c.path, []).append(_registry_event(commit, c, versions))
            elif kind == "report":
                log = events.setdefault(c.path, [])
                if c.status == "A" or not log or log[-1].kind in ("withdrawn", "moved_out"):
                    log.append(Event("received", commit))
                elif c.status == "D":
                    log.append(Event("withdrawn", commit))
                else:
                    log.append(_revision("revised", commit, c, c.path, versions, None))
    last = entries[-1].commit if entries else None
    if used is not None:
        used.update(versions.used)
    return History(
        status="ok",
        head=head or last,
        dirty=dirty,
        reports={p: ReportHistory(p, tuple(e)) for p, e in events.items() if e},
        registries={p: tuple(e) for p, e in registries.items()},
    )


def _fold_move(
    commit: Commit, c: FileChange, versions: _Versions, events: dict[str, list[Event]]
) -> None:
    assert c.new_path is not None
    src, dst = _kind(c.path), _kind(c.new_path)
    if src == "report":
        events.setdefault(c.path, []).append(Event("moved_out", commit, other_path=c.new_path))
    if dst == "report":
        before = [e for e in events.get(c.path, []) if e.kind != "moved_out"]
        if src != "report" or not before:
            before = [Event("received", commit)]
        moved = _revision("moved_in", commit, c, c.new_path, versions, c.path)
        events[c.new_path] = [*events.get(c.new_path, []), *before, moved]


# ---------------------------------------------------------------- applying to a dataset


def with_received(dataset: Dataset, history: History) -> Dataset:
    """Each report carries the day it arrived on main (None when the record is silent)."""
    if not history.available:
        return dataset
    reports = []
    for r in dataset.reports:
        h = history.reports.get(r.path)
        got = h.received if h is not None and h.gone is None else None
        reports.append(replace(r, received_on=got.day) if got is not None else r)
    return replace(dataset, reports=tuple(reports))


def disagreement(report: Report, due: date) -> str | None:
    """Why the typed date and the record disagree beyond the rule, in Thai, or None.

    The rule needs only one thing from a date: on time or late. The two disagree
    when the typed date says on time but the report reached main after the due
    date (a back-filled report), or when the typed date is after the day it
    arrived (a form cannot be signed after it was received).
    """
    got = report.received_on
    if got is None:
        return None
    if report.report_date <= due < got:
        return "วันที่ในแบบรายงานอยู่ภายในกำหนด แต่รายงานเข้าระบบหลังวันครบกำหนด จึงนับเป็นส่งช้า"
    if report.report_date > got:
        return "วันที่ในแบบรายงานอยู่หลังวันที่รายงานเข้าระบบ"
    return None


__all__ = [
    "THAI_TZ",
    "Commit",
    "Event",
    "FieldChange",
    "History",
    "LogEntry",
    "ReportHistory",
    "blobs_needed",
    "disagreement",
    "fold",
    "parse_log",
    "unavailable",
    "with_received",
]
