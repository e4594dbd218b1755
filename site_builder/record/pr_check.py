"""Checks on a pull request as a whole: which files changed, not what they say.

The validation workflow is a required check, so it must always finish: the path
filter lives here (inside the job) rather than in the workflow's ``paths:``
trigger, which would leave the check pending forever on unrelated pull requests.
It also warns about pull requests that are hard for a province's reviewers to
check (several provinces at once, data mixed with code) and about registry
changes after the pilot-list deadline; it fails a pull request that deletes or
moves a report without recording the withdrawal (withdrawals.py).

The workflow runs it as ``site-builder pr-check --base SHA`` (``cmd_pr_check``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..layout import SUBMISSIONS, classify
from ..report import finding_codes as codes
from ..report.findings import Finding, safe_name
from ..report.reporters import md_escape
from ..settings import SettingsError, load_settings
from ..thai import be_long

# Changes under these paths can change what the built site shows or whether it builds.
SITE_INPUTS = (
    f"{SUBMISSIONS}/",
    "schema/",
    "site_builder/",
    "docs/",
    "mkdocs.yml",
    "pyproject.toml",
    "requirements.lock",
    "Makefile",
    "FICTIONAL",  # marks a whole tree as demo data
    "geography.json",  # a fictional country: changes every geography check
)
# Changes under these paths are code: the test suite runs for them.
CODE_INPUTS = (
    "site_builder/",
    "schema/",
    "tests/",
    "benchmarks/",
    ".github/",
    ".ci/",
    "pyproject.toml",
    "requirements.lock",
    "Makefile",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
)
# Changes under these paths can turn existing, unchanged reports invalid.
RULE_INPUTS = (
    "schema/",
    "site_builder/",
    "pyproject.toml",
    "requirements.lock",
    "FICTIONAL",
    "geography.json",
)
SHOWN = 5  # files named in one annotation
LISTED = 300  # files listed in the job summary, which GitHub caps at 1 MiB for all steps


@dataclass(frozen=True)
class Change:
    status: str  # git's letter: A added, M modified, D deleted, T type changed
    path: str  # bytes that are not UTF-8 kept as surrogates (see ``safe_name``)
    mode: str = "100644"  # the new file mode: 160000 a submodule (gitlink), 120000 a symlink

    @property
    def gitlink(self) -> bool:
        return self.mode == GITLINK

    @property
    def utf8(self) -> bool:
        return not any("\udc80" <= ch <= "\udcff" for ch in self.path)


GITLINK = "160000"


@dataclass
class Plan:
    """What the workflow should do for one pull request."""

    changes: list[Change]
    findings: list[Finding] = field(default_factory=list)
    validate: str = "none"  # none | files | all
    files: list[str] = field(default_factory=list)  # submission files to validate
    build: bool = False
    test: bool = False  # run the test suite (code changed)

    @property
    def provinces(self) -> list[str]:
        return sorted({p for c in self.changes if (p := province_of(c.path))})


def parse_name_status(raw: str) -> list[Change]:
    """Parse ``git diff --name-status --no-renames -z`` output."""
    parts = raw.split("\0")
    changes = []
    for status, path in zip(parts[0::2], parts[1::2], strict=False):
        if status and path:
            changes.append(Change(status[0], path))
    return changes


def parse_raw(raw: bytes) -> list[Change]:
    """Parse ``git diff --raw --no-renames -z`` output: status, path and new mode.

    Names are decoded with ``surrogateescape``: a byte that is not UTF-8 is kept (and
    refused by :func:`plan`), never silently replaced by U+FFFD."""
    parts = raw.split(b"\0")
    changes = []
    i = 0
    while i + 1 < len(parts):
        meta, path = parts[i].decode("ascii", "replace"), parts[i + 1]
        i += 2
        fields = meta.lstrip(":").split()
        if len(fields) < 5 or not path:
            continue
        mode = fields[1] if fields[4][0] != "D" else fields[0]
        changes.append(Change(fields[4][0], path.decode("utf-8", "surrogateescape"), mode))
    return changes


def province_of(path: str) -> str | None:
    """``54`` for ``submissions/2555/54/...``; None for files outside a province folder."""
    parts = path.split("/")
    if len(parts) >= 4 and parts[0] == SUBMISSIONS:
        return parts[2]
    return None


def _is_data(path: str) -> bool:
    return path.startswith(f"{SUBMISSIONS}/")


def _kind(path: str) -> str:
    return classify(path[len(SUBMISSIONS) + 1 :]) if _is_data(path) else "code"


def _listing(paths: list[str]) -> str:
    shown = ", ".join(safe_name(p) for p in paths[:SHOWN])
    more = len(paths) - SHOWN
    return shown + (f" และอีก {more} ไฟล์ (ดูรายการเต็มในสรุปผลการตรวจ)" if more > 0 else "")


def _finding(code: codes.Code, message: str, path: str = "") -> Finding:
    """A finding about the pull request (no path) or one of its files, at its start."""
    return Finding(path, 1, 1, code, message)


def plan(
    changes: list[Change],
    recorded: Collection[str] = (),
    deadlines: Mapping[str, date] | None = None,
    today: date | None = None,
) -> Plan:
    """Decide findings, the validation scope and whether to build. Pure.

    ``recorded``: report paths with a withdrawal or move written in a province's
    withdrawals.yaml at the pull request's head. ``deadlines``: fiscal year ->
    ``pilot_list_change_deadline``; registry changes after it (``today``) are flagged.
    """
    result = Plan(changes=list(changes))
    data = [c for c in changes if _is_data(c.path)]
    code = [c for c in changes if not _is_data(c.path)]
    provinces = result.provinces
    if len(provinces) > 1:
        result.findings.append(
            _finding(
                codes.PR_MANY_PROVINCES,
                f"คำขอนี้แก้ไฟล์ของหลายจังหวัด (รหัส {', '.join(map(safe_name, provinces))}) "
                "ผู้ตรวจของแต่ละจังหวัดต้องอนุมัติทุกคน "
                "ควรแยกเป็นคำขอละหนึ่งจังหวัด เพื่อให้ตรวจและรวมได้เร็วขึ้น",
            )
        )
    if data and code:
        result.findings.append(
            _finding(
                codes.PR_DATA_AND_CODE,
                "คำขอนี้แก้ทั้งข้อมูลรายงาน (submissions/) และไฟล์ของระบบ "
                f"({_listing([c.path for c in code])}) "
                "ควรแยกเป็นสองคำขอ: ข้อมูลให้ผู้ตรวจของจังหวัด ระบบให้ผู้ดูแลระบบ",
            )
        )
    deleted = [c.path for c in data if c.status == "D" and _kind(c.path) == "report"]
    unrecorded = [p for p in deleted if p not in recorded]
    if unrecorded:
        result.findings.append(
            _finding(
                codes.PR_DELETES_REPORT,
                f"คำขอนี้ลบหรือย้ายรายงาน {len(unrecorded)} ไฟล์ ({_listing(unrecorded)}) "
                "โดยไม่ได้บันทึกการถอน รายงานที่รวมแล้วเป็นหลักฐานของผลการดำเนินงาน "
                "หากต้องการแก้ข้อมูลให้แก้ไฟล์เดิม ไม่ต้องลบ หากต้องถอนหรือย้ายจริง ให้เพิ่มรายการใน "
                "submissions/<ปี>/<รหัสจังหวัด>/withdrawals.yaml (report, action: withdraw หรือ move, "
                "reason) ในคำขอเดียวกัน แล้วเว็บไซต์จะแสดงการถอนพร้อมเหตุผล",
            )
        )
    result.findings += _late_registry(data, deadlines or {}, today)
    unreadable = [c for c in changes if not c.utf8]
    for c in unreadable:
        result.findings.append(
            _finding(
                codes.PR_BAD_NAME,
                f"ชื่อไฟล์ {safe_name(c.path)} มีอักขระที่ไม่ได้บันทึกเป็น UTF-8 "
                "(มักเกิดจากการตั้งชื่อบน Windows ด้วยภาษาไทยแบบ TIS-620/ANSI) "
                "ระบบอ่านชื่อนี้ไม่ได้ ให้ลบไฟล์นี้ออกจากคำขอ แล้วตั้งชื่อใหม่เป็น round-<ครั้งที่>.yaml "
                "ด้วยตัวอักษรภาษาอังกฤษและตัวเลข",
            )
        )
    for c in data:
        if c.status != "D" and c.gitlink:
            result.findings.append(
                _finding(
                    codes.PR_GITLINK,
                    "คำขอนี้เพิ่ม submodule (ลิงก์ไปยังคลังอื่น) ไว้ในโฟลเดอร์ submissions/ "
                    "ซึ่งไม่ใช่ไฟล์รายงาน ระบบจึงตรวจเนื้อหาไม่ได้ ให้ลบ submodule นี้ออกจากคำขอ "
                    "(git rm --cached แล้วลบรายการใน .gitmodules) แล้วส่งรายงานเป็นไฟล์ .yaml ปกติ",
                    c.path,
                )
            )
            continue
        if c.status != "D" and c.utf8 and not c.path.endswith((".yaml", ".yml")):
            result.findings.append(
                _finding(
                    codes.PR_NOT_YAML,
                    "ในโฟลเดอร์ submissions/ มีได้เฉพาะไฟล์ .yaml ระบบจะไม่อ่านไฟล์นี้ "
                    "(เช่น ไฟล์สแกนหรือเอกสาร Word) ให้ลบไฟล์นี้ออกจากคำขอ "
                    "แล้วกรอกรายงานเป็นไฟล์ round-<ครั้งที่>.yaml",
                    c.path,
                )
            )

    touches_rules = any(c.path.startswith(RULE_INPUTS) or c.path in RULE_INPUTS for c in code)
    touches_context = any(_kind(c.path) in ("settings", "registry") for c in data)
    if touches_rules or touches_context:
        result.validate = "all"
    else:
        result.files = sorted(
            c.path
            for c in data
            if c.status != "D" and c.utf8 and not c.gitlink and c.path.endswith((".yaml", ".yml"))
        )
        result.validate = "files" if result.files else "none"
    result.build = any(c.path.startswith(SITE_INPUTS) or c.path in SITE_INPUTS for c in changes)
    result.test = any(c.path.startswith(CODE_INPUTS) or c.path in CODE_INPUTS for c in changes)
    return result


def _late_registry(
    data: list[Change], deadlines: Mapping[str, date], today: date | None
) -> list[Finding]:
    """Registry changes after the fiscal year's pilot-list deadline: for maintainers."""
    out = []
    for c in data:
        year = c.path.split("/")[1]
        deadline = deadlines.get(year)
        if _kind(c.path) != "registry" or deadline is None or today is None or today <= deadline:
            continue
        out.append(
            _finding(
                codes.PR_REGISTRY_LATE,
                f"คำขอนี้{_STATUS_TH.get(c.status, 'แก้')}ทะเบียนพื้นที่ต้นแบบหลังวันสุดท้ายที่เปลี่ยนรายชื่อได้ "
                f"({be_long(deadline)}) ผู้ดูแลระบบต้องตรวจว่ามีหนังสืออนุมัติการเปลี่ยนพื้นที่ต้นแบบ "
                "ก่อนรวมคำขอ หน้าจังหวัดบนเว็บไซต์จะแสดงประวัติการแก้ทะเบียนนี้",
                c.path,
            )
        )
    return out


def deadlines_of(root: Path, changes: list[Change]) -> dict[str, date]:
    """``pilot_list_change_deadline`` of each fiscal year whose registry the PR touches."""
    out: dict[str, date] = {}
    for c in changes:
        if _is_data(c.path) and _kind(c.path) == "registry":
            year = c.path.split("/")[1]
            try:
                deadline = load_settings(root, int(year)).pilot_list_change_deadline
            except (SettingsError, ValueError):
                continue
            if deadline is not None:
                out[year] = deadline
    return out


def git_changes(base: str, head: str, cwd: Path) -> list[Change]:
    """Files changed between ``base`` and ``head``; renames appear as delete + add."""
    out = subprocess.run(
        ["git", "diff", "--raw", "--no-abbrev", "--no-renames", "-z", base, head, "--"],
        cwd=cwd,
        capture_output=True,
        check=True,
    )
    return parse_raw(out.stdout)


_STATUS_TH = {"A": "เพิ่ม", "M": "แก้ไข", "D": "ลบ", "T": "เปลี่ยนชนิด"}
_VALIDATE_TH = {
    "none": "ไม่มีไฟล์รายงานที่ต้องตรวจ",
    "files": "ตรวจเฉพาะไฟล์ที่เปลี่ยน (โดยอ่านร่วมกับข้อมูลทั้งคลัง)",
    "all": "ตรวจทุกไฟล์ในคลัง เพราะคำขอนี้เปลี่ยนโครงสร้างแบบรายงาน กฎการตรวจ ทะเบียน หรือไฟล์ตั้งค่า",
}


def summary(p: Plan) -> str:
    """The Markdown section for the job summary. Paths are code-quoted: they are untrusted."""
    lines = ["## ภาพรวมคำขอ", ""]
    lines.append(f"- ไฟล์ที่เปลี่ยน: {len(p.changes)} ไฟล์")
    provinces = ", ".join(
        f"`{_md_code(safe_name(code))}`" for code in p.provinces
    )  # folder names: untrusted
    lines.append(f"- จังหวัด: {provinces or 'ไม่มี'}")
    lines.append(f"- การตรวจรายงาน: {_VALIDATE_TH[p.validate]}")
    lines.append(f"- สร้างเว็บไซต์ทดลอง: {'ใช่' if p.build else 'ไม่ต้อง (ไม่มีไฟล์ที่มีผลต่อเว็บไซต์)'}")
    lines.append(f"- ทดสอบโปรแกรม: {'ใช่' if p.test else 'ไม่ต้อง (ไม่ได้แก้โปรแกรม)'}")
    lines.append("")
    if p.findings:
        lines += ["### ข้อควรระวัง", ""]
        for f in p.findings:
            mark = "ข้อผิดพลาด" if f.is_error else "คำเตือน"
            where = f" `{_md_code(safe_name(f.path))}`" if f.path else ""
            lines.append(f"- **{mark}** ({f.code}){where}: {md_escape(f.message)}")
        lines.append("")
    lines += ["<details><summary>รายการไฟล์ที่เปลี่ยน</summary>", ""]
    lines += [
        f"- {_STATUS_TH.get(c.status, c.status)} `{_md_code(safe_name(c.path))}`"
        for c in p.changes[:LISTED]
    ]
    if len(p.changes) > LISTED:
        lines.append(f"- และอีก {len(p.changes) - LISTED} ไฟล์")
    # A blank line after </details>: otherwise the next step's heading joins the HTML block.
    lines += ["", "</details>", "", ""]
    return "\n".join(lines)


def _md_code(text: str) -> str:
    """Inside a code span HTML stays literal text; only a backtick or newline could escape."""
    return text.replace("`", "'").replace("\r", " ").replace("\n", " ")
