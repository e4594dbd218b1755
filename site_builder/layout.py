"""Where things live in the repository, and what a path says about its content.

    submissions/<fiscal year>/settings.yaml                      fiscal-year settings
    submissions/<fiscal year>/<province code>/pilots.yaml        pilot registry
    submissions/<fiscal year>/<province code>/withdrawals.yaml   recorded withdrawals/moves
    submissions/<fiscal year>/<province code>/<district code>/round-<n>.yaml   one report

One folder per province lets CODEOWNERS route each province to its own reviewers.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

SUBMISSIONS = "submissions"
SCHEMA_DIR = "schema"
REPORT_SCHEMA = "report.schema.json"
REGISTRY_SCHEMA = "registry.schema.json"
SETTINGS_FILE = "settings.yaml"
REGISTRY_FILE = "pilots.yaml"
WITHDRAWALS_FILE = "withdrawals.yaml"  # recorded withdrawals and moves (withdrawals.py)
WITHDRAWALS_SCHEMA = "withdrawals.schema.json"
SETTINGS_SCHEMA = "settings.schema.json"
FICTIONAL_MARKER = "FICTIONAL"  # written by `site-builder demo` at the root of its tree

_REPORT = re.compile(
    r"^(?P<fy>\d{4})/(?P<prov>\d{2})/(?P<dist>\d{4})/round-(?P<round>\d{1,2})\.yaml$"
)
_REGISTRY = re.compile(r"^(?P<fy>\d{4})/(?P<prov>\d{2})/pilots\.yaml$")
_WITHDRAWALS = re.compile(r"^(?P<fy>\d{4})/(?P<prov>\d{2})/withdrawals\.yaml$")
_SETTINGS = re.compile(r"^(?P<fy>\d{4})/settings\.yaml$")


@dataclass(frozen=True)
class ReportPath:
    fiscal_year: int
    province_code: str
    district_code: str
    round: int


def report_relpath(fiscal_year: int, district_code: str, round_number: int) -> str:
    """The one correct path for a report, relative to the repository root."""
    return (
        f"{SUBMISSIONS}/{fiscal_year}/{district_code[:2]}/{district_code}/round-{round_number}.yaml"
    )


def registry_relpath(fiscal_year: int, province_code: str) -> str:
    return f"{SUBMISSIONS}/{fiscal_year}/{province_code}/{REGISTRY_FILE}"


def classify(rel_to_submissions: str) -> str:
    """'report', 'registry', 'withdrawals', 'settings' or 'unknown' for a path inside submissions/."""
    if _REPORT.match(rel_to_submissions):
        return "report"
    if _REGISTRY.match(rel_to_submissions):
        return "registry"
    if _SETTINGS.match(rel_to_submissions):
        return "settings"
    if _WITHDRAWALS.match(rel_to_submissions):
        return "withdrawals"
    return "unknown"


def parse_report_path(rel_to_submissions: str) -> ReportPath | None:
    m = _REPORT.match(rel_to_submissions)
    if not m:
        return None
    return ReportPath(int(m["fy"]), m["prov"], m["dist"], int(m["round"]))


def fiscal_years(root: Path) -> list[int]:
    base = root / SUBMISSIONS
    if not base.is_dir():
        return []
    return sorted(
        int(p.name) for p in base.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)
    )


def yaml_files(root: Path) -> list[Path]:
    """Every *.yaml/*.yml under submissions/, sorted.

    Symlinks (to files or folders) are listed, not followed, so the loader can
    refuse them by name instead of silently reading or skipping what they point at.
    """
    base = root / SUBMISSIONS
    if not base.is_dir():
        return []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        here = Path(dirpath)
        # A symlink, or a folder named like a report (what a submodule entry checks out
        # as): listed so the loader refuses it by name rather than skip it in silence.
        found.extend(
            here / d for d in dirnames if (here / d).is_symlink() or d.endswith((".yaml", ".yml"))
        )
        found.extend(here / f for f in filenames if f.endswith((".yaml", ".yml")))
    return sorted(found)


def is_fictional(root: Path) -> bool:
    """True for a tree written by the demo generator: every page and export says so."""
    return (root / FICTIONAL_MARKER).is_file()


def schema_root(root: Path) -> Path:
    """The folder holding ``schema/`` for a tree: its own, else the one this package
    ships (a data-only tree such as the fictional demo, or an officer's own copy)."""
    from .resources import schema_dir

    return root if (root / SCHEMA_DIR / REPORT_SCHEMA).is_file() else schema_dir().parent
