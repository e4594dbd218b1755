"""The hardened loader against a corpus of hostile files (tests/fixtures/hostile/).

Each file must end as one clean finding with its own code, never an exception.
Durations are measured and printed (``pytest -s``), not asserted.
"""

import os
import time
from decimal import Decimal
from pathlib import Path

import pytest

from site_builder.report.findings import Finding
from site_builder.report.load import MAX_BYTES, Document, LoadError, load_yaml, parse_text
from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
VALID = ROOT / "tests" / "fixtures" / "valid" / "round-1.yaml"

EXPECTED = {
    "alias-bomb.yaml": "L-ANCHOR",
    "binary.yaml": "L-ENCODING",
    "control-char.yaml": "L-CONTROL-CHAR",
    "deep-nesting.yaml": "L-TOO-DEEP",
    "duplicate-key.yaml": "L-DUPLICATE-KEY",
    "empty.yaml": "L-EMPTY",
    "escaped-control.yaml": "L-CONTROL-CHAR",
    "invalid-utf8.yaml": "L-ENCODING",
    "key-type.yaml": "L-KEY-TYPE",
    "line-separator.yaml": "L-CONTROL-CHAR",
    "merge-key.yaml": "L-MERGE-KEY",
    "multi-doc.yaml": "L-MULTI-DOC",
    "syntax.yaml": "L-SYNTAX",
    "tab-indent.yaml": "L-TAB-INDENT",
    "tag.yaml": "L-TAG",
    "too-deep.yaml": "L-TOO-DEEP",
    "too-many-nodes.yaml": "L-TOO-MANY-NODES",
    "yaml11-bool.yaml": "L-YAML11-BOOL",
}


def load(path: Path, root: Path = HOSTILE) -> Document | Finding:
    start = time.perf_counter()
    result = load_yaml(path, root)
    print(f"{path.name}: {(time.perf_counter() - start) * 1000:.1f} ms")
    return result


def test_every_hostile_file_has_an_expectation():
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_rejected_with_its_own_code(name):
    result = load(HOSTILE / name)
    assert isinstance(result, Finding), result
    assert result.code == EXPECTED[name]
    assert result.severity == "error"
    assert result.path.endswith(name)
    assert result.message and not result.message.isascii()


def test_alias_bomb_points_at_the_first_anchor():
    result = load(HOSTILE / "alias-bomb.yaml")
    assert (result.line, result.col) == (2, 4)


def test_positions_point_at_the_problem():
    assert (load(HOSTILE / "duplicate-key.yaml").line) == 3
    assert (load(HOSTILE / "tab-indent.yaml").line) == 2
    bool_finding = load(HOSTILE / "yaml11-bool.yaml")
    assert (bool_finding.line, bool_finding.col) == (2, 11)
    # names the field and its allowed answers, in the paper's wording
    assert "'item2.status'" in bool_finding.message
    assert "มีคณะทำงาน หรือ ยังไม่มีคณะทำงาน" in bool_finding.message


def test_five_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as fh:
        line = "note: " + "ก" * 60 + "\n"
        while fh.tell() < 5 * 1024 * 1024:
            fh.write(line)
    result = load(big, tmp_path)
    assert isinstance(result, Finding) and result.code == "L-TOO-LARGE"


def test_just_under_the_size_limit_is_read(tmp_path):
    path = tmp_path / "ok.yaml"
    body = VALID.read_bytes()
    path.write_bytes(body + b"#" * (MAX_BYTES - len(body) - 1) + b"\n")
    assert isinstance(load(path, tmp_path), Document)


def test_bom_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.read_bytes())
    doc = load(path, tmp_path)
    assert isinstance(doc, Document)
    assert doc.data["round"] == 1


def test_windows_line_endings_are_fine(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(VALID.read_bytes().replace(b"\n", b"\r\n"))
    doc = load(path, tmp_path)
    assert isinstance(doc, Document) and doc.data["item1"]["total"] == 12


def test_symlink_is_refused(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_bytes(VALID.read_bytes())
    link = tmp_path / "link.yaml"
    os.symlink(target, link)
    result = load(link, tmp_path)
    assert isinstance(result, Finding) and result.code == "L-SYMLINK"


def test_file_outside_the_root_is_refused(tmp_path):
    root = tmp_path / "submissions"
    root.mkdir()
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(VALID.read_bytes())
    result = load(root / ".." / "outside.yaml", root)
    assert isinstance(result, Finding) and result.code == "L-OUTSIDE"


def test_missing_file_and_directory_are_findings(tmp_path):
    assert load(tmp_path / "nope.yaml", tmp_path).code == "L-NOT-FILE"
    (tmp_path / "dir.yaml").mkdir()
    assert load(tmp_path / "dir.yaml", tmp_path).code == "L-NOT-FILE"


def test_thai_digits_and_yaml_12_scalars():
    doc = parse_text("a: ๑๒\nb: 012\nc: ๓๓.๓๓\nd: ~\ne: true\nf: '๑๒'\n")
    assert doc.data == {"a": 12, "b": 12, "c": Decimal("33.33"), "d": None, "e": True, "f": "๑๒"}


def test_quoted_yes_stays_text():
    assert parse_text('a: "yes"\n').data == {"a": "yes"}


def test_positions_of_keys_and_values():
    doc = parse_text("item7:\n  status: done\n  percent: 34\n")
    assert doc.where(("item7", "percent")) == (3, 12)
    assert doc.where(("item7", "percent"), key=True) == (3, 3)
    assert doc.where(("item7", "missing")) == (2, 3)  # nearest parent: the item7 mapping


def test_positions_are_built_only_when_asked_and_match_an_eager_parse():
    text = VALID.read_text(encoding="utf-8")
    lazy, eager = parse_text(text, "r.yaml"), parse_text(text, "r.yaml", positions=True)
    assert lazy.data == eager.data
    assert lazy._key_pos is None and lazy._value_pos is None  # a clean file keeps no tables
    assert len(eager.key_pos) > 20
    assert lazy.key_pos == eager.key_pos and lazy.value_pos == eager.value_pos
    assert lazy._source is None  # the text is dropped once the tables exist


def test_a_loaded_file_keeps_no_text_and_reads_it_again_for_positions(tmp_path):
    path = tmp_path / "round-1.yaml"
    path.write_bytes(VALID.read_bytes())
    doc = load_yaml(path, tmp_path)
    assert doc._source == str(path.resolve()) and doc._key_pos is None
    eager = parse_text(VALID.read_text(encoding="utf-8"), doc.path, positions=True)
    assert doc.where(("item7", "percent")) == eager.where(("item7", "percent"))
    assert doc.key_pos == eager.key_pos


def test_positions_of_a_file_gone_since_loading_fall_back_to_the_start(tmp_path):
    path = tmp_path / "round-1.yaml"
    path.write_bytes(VALID.read_bytes())
    doc = load_yaml(path, tmp_path)
    path.write_text("a: [\n", encoding="utf-8")  # rewritten with broken YAML
    assert doc.where(("item7", "percent")) == (1, 1)


def test_parse_text_raises_only_load_errors():
    with pytest.raises(LoadError):
        parse_text("a: [\n")
