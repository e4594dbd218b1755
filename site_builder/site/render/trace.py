"""View values for provenance: where each figure came from and what changed since.

Pages print what these return; nothing here reads git (``gitlog.py`` does, once).
Field names and answers are put in Thai terms (ข้อ 7 จำนวนโครงการ, ดำเนินการแล้ว),
dates in พ.ศ. When the record is unavailable every function says so instead of
guessing: no date is ever made up.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from ...figures.evaluate import OUTCOME_TH
from ...report.form_spec import DIMENSION_TH, FORM, canonical
from ...record.history import Commit, Event, History, disagreement
from ...layout import parse_report_path
from ...model import Dataset, Report, Round
from ...thai import be_long, be_short, parse_be_date

_ABSENT = "(ไม่มี)"


def field_th(name: str) -> str:
    """'item7.projects' -> 'ข้อ 7 จำนวนโครงการ/กิจกรรม', in the form description's words."""
    f = FORM.get(name)
    if f is None:
        return name
    label = f.label.removesuffix(" (พ.ศ.)")
    head = name.split(".", 1)[0]
    return f"ข้อ {head[4:]} {label}" if head.startswith("item") and "." in name else label


def value_th(name: str, value: object) -> str:
    """A raw YAML value in the words the paper form uses."""
    if value is None:
        return _ABSENT
    f = FORM.get(name)
    kind = f.kind if f else ""
    if kind == "date" and isinstance(value, str):
        parsed = parse_be_date(value)
        return be_long(parsed) if isinstance(parsed, date) else value
    if f is not None and f.choices and kind != "multi_choice":
        code = canonical(name, value)
        return f.label_of(code) if code else str(value)
    if kind == "multi_choice" and isinstance(value, tuple):
        codes = (canonical(name, v) or str(v) for v in value)
        return ", ".join(DIMENSION_TH.get(c, c) for c in codes) or _ABSENT
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def when(c: Commit) -> str:
    return f"{be_long(c.day)} เวลา {c.time:%H:%M} น."


def commit_url(repo_url: str | None, sha: str) -> str | None:
    return f"{repo_url.rstrip('/')}/commit/{sha}" if repo_url else None


def _commit(c: Commit, repo_url: str | None) -> dict:
    return {
        "when": when(c),
        "day": be_short(c.day),
        "short": c.short,
        "url": commit_url(repo_url, c.sha),
    }


def source_view(history: History, repo_url: str | None) -> dict:
    """'ที่มาของข้อมูล: ฉบับบันทึกเมื่อ ...': the commit and time the figures were built from,
    in words a citizen reads (the commit itself only as a small link, ``_trace.j2``)."""
    if not history.available or history.head is None:
        reason = history.unavailable_reason or "ข้อมูลยังไม่ได้บันทึกเข้าคลังข้อมูล"
        return {
            "available": False,
            "reason": reason,
            "text": f"ที่มาของข้อมูล: ไม่มีวันที่บันทึกข้อมูล ({reason})",
        }
    c = _commit(history.head, repo_url)
    dirty = " รวมการแก้ไขที่ยังไม่ได้บันทึก" if history.dirty else ""
    return {
        "available": True,
        **c,
        "dirty": history.dirty,
        "text": f"ที่มาของข้อมูล: ฉบับบันทึกเมื่อ {c['when']} (รหัสฉบับ {c['short']}){dirty}",
    }


def source_record(history: History, repo_url: str | None) -> dict[str, object]:
    """The same for the exports: machine-readable, in every JSON header."""
    if not history.available or history.head is None:
        return {
            "data_commit": None,
            "data_time": None,
            "data_commit_url": None,
            "history": history.status if not history.available else "no_commit",
            "history_note": history.unavailable_reason or "ข้อมูลยังไม่ได้บันทึกเข้าคลังข้อมูล",
        }
    return {
        "data_commit": history.head.sha,
        "data_time": history.head.time.isoformat(),
        "data_commit_url": commit_url(repo_url, history.head.sha),
        "history": "ok",
        "uncommitted_changes": history.dirty,
    }


def _criteria_text(e: Event, round_number: int) -> str | None:
    if not e.criteria:
        return None
    parts = [f"เกณฑ์ที่ {c.criterion} {OUTCOME_TH[c.old]} → {OUTCOME_TH[c.new]}" for c in e.criteria]
    text = "การแก้ไขนี้เปลี่ยนผล" + " ".join(parts)
    text += f" จึงเปลี่ยนตัวเลขระดับประเทศและจังหวัดของรอบที่ {round_number} เป็นต้นไป (จำนวนที่ผ่านแต่ละเกณฑ์"
    if e.meets_all is not None:
        text += " และร้อยละที่ผ่านครบ 5 ข้อ"
    return text + ")"


def revision_view(e: Event, round_number: int, repo_url: str | None) -> dict:
    changes = [
        {
            "field": field_th(ch.field),
            "old": value_th(ch.field, ch.old),
            "new": value_th(ch.field, ch.new),
        }
        for ch in e.changes
    ]
    moved = None
    if e.kind == "moved_in" and e.other_path:
        moved = _report_name(e.other_path)
    return {
        **_commit(e.commit, repo_url),
        "changes": changes,
        "moved_from": moved,
        "figures": _criteria_text(e, round_number),
    }


def _report_name(path: str) -> str:
    rel = path.split("/", 1)[-1]
    parsed = parse_report_path(rel)
    return f"รายงานครั้งที่ {parsed.round} อำเภอรหัส {parsed.district_code}" if parsed else path


def report_view(report: Report, rnd: Round, history: History, repo_url: str | None) -> dict:
    """รับเมื่อ, the commit, the typed date beside it, and every revision."""
    h = history.of(report.path)
    if h is None or h.received is None:
        reason = history.unavailable_reason or "รายงานฉบับนี้ยังไม่ได้บันทึกเข้าคลังข้อมูล"
        return {"available": False, "reason": reason}
    return {
        "available": True,
        "received": _commit(h.received, repo_url),
        "last": _commit(h.last, repo_url),
        "typed": be_long(report.report_date),
        "flag": disagreement(report, rnd.due),
        "revisions": [revision_view(e, report.round, repo_url) for e in h.revisions],
    }


def withdrawn_views(
    district_code: str, dataset: Dataset, history: History, repo_url: str | None
) -> list[dict]:
    """Reports of this district that left the tree, each with its recorded reason."""
    if not history.available:
        return []
    reasons = {w.path: w for w in dataset.withdrawals}
    out = []
    for h in history.withdrawn():
        parsed = parse_report_path(h.path.split("/", 1)[-1])
        if parsed is None or parsed.district_code != district_code:
            continue
        if parsed.fiscal_year != dataset.settings.fiscal_year:
            continue
        gone = h.gone
        assert gone is not None
        w = reasons.get(h.path)
        out.append(
            {
                "round": parsed.round,
                "kind": gone.kind,
                "gone": _commit(gone.commit, repo_url),
                "moved_to": _report_name(gone.other_path) if gone.other_path else None,
                "reason": w.reason if w else None,
                "received": _commit(h.received, repo_url) if h.received else None,
                "revisions": [revision_view(e, parsed.round, repo_url) for e in h.revisions],
            }
        )
    return out


def registry_view(path: str, history: History, deadline: date | None, repo_url: str | None) -> dict:
    """The province registry's history, with changes after the pilot-list deadline marked."""
    if not history.available:
        return {"available": False, "reason": history.unavailable_reason, "events": []}
    events = []
    for e in history.registries.get(path, ()):
        late = deadline is not None and e.kind != "added" and e.commit.day > deadline
        lines = _registry_lines(e.added, e.removed, e.renamed) if e.kind != "added" else []
        events.append(
            {
                **_commit(e.commit, repo_url),
                "kind": {
                    "added": "บันทึกทะเบียนเข้าระบบ",
                    "changed": "แก้ไขทะเบียน",
                    "deleted": "ลบทะเบียน",
                }[e.kind],
                "count": len(e.added),
                "lines": lines,
                "late": late,
            }
        )
    return {
        "available": True,
        "events": events,
        "deadline": be_long(deadline) if deadline else None,
    }


def _registry_lines(
    added: Iterable[tuple[str, str]],
    removed: Iterable[tuple[str, str]],
    renamed: Iterable[tuple[str, str, str]],
) -> list[str]:
    lines = [f"เพิ่ม {name} (อำเภอรหัส {code})" for code, name in added]
    lines += [f"ถอนออก {name} (อำเภอรหัส {code})" for code, name in removed]
    lines += [f"อำเภอรหัส {code}: {old} → {new}" for code, old, new in renamed]
    return lines
