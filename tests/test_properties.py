"""Properties of the loader, the Thai-answer reading and the rules, on generated input.

Hypothesis generates texts and report documents; whatever it makes, reading and
checking must never crash, must give the same findings twice, must name lines that
exist, must not change a verdict for comments or whitespace, and a valid report
written out again must stay valid and mean the same.

Seeded (``derandomize``) and bounded in ``make test``; ``make bench`` runs the
``long`` profile (``HYPOTHESIS_PROFILE=long``) with many more examples.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from site_builder import geography
from site_builder.report import rules
from site_builder.report.findings import Finding
from site_builder.report.form_spec import FORM
from site_builder.report.load import Document, load_text
from site_builder.report.reading import read_document, schema_path
from site_builder.report.repository import load_repository
from tests.conftest import FIXTURES, REPORT_PATH, ROOT

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=3000,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SCHEMA = schema_path(ROOT)
VALID = (FIXTURES / "valid" / "round-1.yaml").read_text(encoding="utf-8")


@cache
def _context() -> rules.Context:
    loaded = load_repository(FIXTURES / "repo", schema_root=ROOT)
    ds = loaded.datasets[2555]
    country = geography.real_country()
    return rules.Context(
        settings=ds.settings, pilots=dict(ds.pilots), districts=country.by_code, country=country
    )


def check(text: str, path: str = REPORT_PATH) -> list[Finding]:
    """Load, read and the single-report rules, as ``validate`` runs them on one file."""
    doc = load_text(text, path)
    if isinstance(doc, Finding):
        return [doc]
    reading = read_document(doc, SCHEMA)
    found = list(reading.findings)
    report, document = reading.report, reading.document
    if report is not None and document is not None and report.fiscal_year == 2555:
        found += rules.check_report(
            report, document, _context(), skip=reading.broken or frozenset()
        )
    return found


def _last_line(text: str) -> int:
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _verdict(found: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.field, f.message) for f in found)


# ------------------------------------------------ generated documents

_YAML_BITS = st.sampled_from(
    [":", " ", "\n", "-", "[", "]", "{", "}", "#", '"', "'", "&a", "*a", "!!", "%", "|", ">",
     "---", "...", "\t", "๒๕๕๕", "ดำเนินการแล้ว", "item7", "status", "true", "1,200", "\ufeff"]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(_YAML_BITS, min_size=1, max_size=3).map("".join),  # the ends of files
    st.text(max_size=300),
    st.lists(st.one_of(_YAML_BITS, st.text(max_size=6)), max_size=60).map("".join),
)


def _wordings(path: str) -> list[object]:
    field = FORM.get(path)
    if field is None or not field.choices:
        return []
    out: list[object] = []
    for choice in field.choices:
        out += [choice.code, choice.label, *choice.variants]
    return out


def _base() -> dict[str, object]:
    doc = load_text(VALID, REPORT_PATH)
    assert isinstance(doc, Document) and isinstance(doc.data, dict)
    return doc.data


ODD_VALUES = st.one_of(
    st.none(),
    st.integers(-5, 10_000),
    st.sampled_from(["", "๑๒", "1,200", "2555-02-30", "๒๕๕๕-๐๖-๓๐", "2012-05-25", "ไม่ทราบ"]),
    st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.decimals(-1, 200, places=2, allow_nan=False),
)


@st.composite
def documents(draw) -> dict[str, object]:
    """The valid report with some answers reworded (any accepted wording) or spoiled."""
    data: dict[str, object] = json.loads(json.dumps(_base(), default=str))
    for key, value in list(data.items()):
        if isinstance(value, dict):
            for leaf in list(value):
                path = f"{key}.{leaf}"
                wordings = _wordings(path)
                roll = draw(st.integers(0, 9))
                if wordings and roll < 4:
                    value[leaf] = draw(st.sampled_from(wordings))
                elif roll == 9:
                    value[leaf] = draw(ODD_VALUES)
                elif roll == 8 and draw(st.booleans()):
                    del value[leaf]
        elif draw(st.integers(0, 19)) == 0:
            data[key] = draw(ODD_VALUES)
    return data


def to_yaml(data: dict[str, object], comment: str | None = None) -> str:
    """Written out again: each scalar as JSON (valid YAML), one key per line."""

    def scalar(v: object) -> str:
        if isinstance(v, Decimal):
            return str(v)
        return json.dumps(v, ensure_ascii=False, default=str)

    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {scalar(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {scalar(value)}")
        if comment is not None:
            lines.append(comment)
    return "\n".join(lines) + "\n"


# ------------------------------------------------ the properties


@given(TEXTS)
@example("{")
@example("---\n")
@example("%YAML 1.2\n")
@example(VALID[:-40])
def test_any_text_is_read_without_crashing_and_names_lines_that_exist(text):
    found = check(text)
    assert found == check(text)  # deterministic
    for f in found:
        assert 1 <= f.line <= _last_line(text), (f.line, f.code, text)
        assert f.col >= 1 and f.message and not f.message.isascii()


@given(documents())
def test_generated_reports_never_crash_and_give_the_same_findings_twice(data):
    text = to_yaml(data)
    found = check(text)
    assert _verdict(found) == _verdict(check(text))
    for f in found:
        assert 1 <= f.line <= _last_line(text), (f.line, f.code)
        assert f.code.startswith(("L-", "S-", "R-")), f.code


@given(
    documents(),
    st.sampled_from(["# หมายเหตุ", "#", "   # ข้อ ๗ แก้ไขแล้ว", "", "  "]),
    st.sampled_from(["", "  ", "\t"]),
)
def test_comments_and_whitespace_never_change_a_verdict(data, comment, trailing):
    plain = check(to_yaml(data))
    noisy_text = to_yaml(data, comment)
    if trailing:
        noisy_text = (
            noisy_text.replace("\n", f"{trailing}\n") if "\t" not in trailing else noisy_text
        )
    noisy = check(noisy_text)
    assert [(f.code, f.field) for f in sorted(plain, key=lambda f: (f.code, f.field))] == [
        (f.code, f.field) for f in sorted(noisy, key=lambda f: (f.code, f.field))
    ]


@st.composite
def valid_documents(draw) -> dict[str, object]:
    """The valid report with its answers in any accepted wording of the same code."""
    data: dict[str, object] = json.loads(json.dumps(_base(), default=str))
    for key, value in data.items():
        if isinstance(value, dict):
            for leaf, answer in value.items():
                field = FORM.get(f"{key}.{leaf}")
                if field is None or not field.choices:
                    continue
                choice = next(c for c in field.choices if c.code == answer)
                value[leaf] = draw(st.sampled_from([choice.code, choice.label, *choice.variants]))
    return data


@given(valid_documents())
def test_a_valid_report_stays_valid_and_the_same_when_written_out_again(data):
    first = load_text(to_yaml(data), REPORT_PATH)
    assert isinstance(first, Document)
    reading = read_document(first, SCHEMA)
    assert reading.sound, [(f.code, f.message) for f in reading.findings]
    assert reading.document is not None and isinstance(reading.document.data, dict)
    again = load_text(to_yaml(reading.document.data), REPORT_PATH)
    assert isinstance(again, Document)
    second = read_document(again, SCHEMA)
    assert second.sound and second.report == reading.report
    assert not [f for f in check(to_yaml(reading.document.data)) if f.is_error]


def test_the_fixture_behind_the_properties_is_valid():
    """The base of every generated document passes every check (else nothing is shown)."""
    assert [f for f in check(VALID) if f.is_error] == []
    assert Path(FIXTURES / "valid" / "round-1.yaml").is_file()
