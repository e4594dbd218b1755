"""The fictional dataset: valid under the real validator, labelled, deterministic, kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import demo, geography
from site_builder.commands.cli import main
from site_builder.report.repository import load_repository
from tests.conftest import EMPTY, ROOT

PROVINCES = "54,30"  # Phrae (8 districts) and Nakhon Ratchasima (32): 200 pilot-rounds


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--out", str(out), "--provinces", PROVINCES, "--quiet"]) == 0
    return out


def test_small_demo_passes_the_real_validator_with_no_errors(small):
    loaded = load_repository(small, schema_root=ROOT)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    expected = {d.code for d in geography.districts() if d.province_code in ("54", "30")}
    assert set(ds.pilots) == expected
    reports = list((small / "submissions").rglob("round-*.yaml"))
    assert len(ds.reports) == len(reports)


def test_small_demo_has_a_realistic_mix(small):
    loaded = load_repository(small, schema_root=ROOT)
    ds = loaded.datasets[2555]
    pilots = len(ds.pilots)
    assert len(ds.reports) < pilots * 5  # some reports are missing
    codes = {f.code for f in loaded.findings}
    assert "R-DATE-LATE" in codes  # some are late (a warning, not an error)
    statuses = {r.item(n).status for r in ds.reports for n in range(2, 9)}
    assert {"done", "not_yet", "covered", "not_covered"} <= statuses
    by_round = {
        n: sum(all(r.item(i).done for i in range(2, 9)) for r in ds.reports if r.round == n)
        for n in range(1, 6)
    }
    assert by_round[5] > by_round[1]  # progress improves over the rounds


def test_marker_says_fictional_in_thai_and_english(small):
    text = (small / demo.MARKER).read_text(encoding="utf-8")
    assert "ข้อมูลสมมติ เพื่อการสาธิต" in text
    assert "Fictional" in text
    assert demo.is_fictional(small)
    assert not demo.is_fictional(ROOT)
    assert load_repository(small, schema_root=ROOT).datasets[2555].fictional is True


def test_every_name_is_obviously_fictional_and_never_a_real_pilot(small):
    real = load_repository(EMPTY).datasets[2555].pilots
    real_names = {p.lao_name for p in real.values()}
    ds = load_repository(small, schema_root=ROOT).datasets[2555]
    for pilot in ds.pilots.values():
        assert "สมมติ" in pilot.lao_name or "ตัวอย่าง" in pilot.lao_name
        assert pilot.lao_name not in real_names
    for report in ds.reports:
        assert "สมมติ" in report.reporter_name
        assert (small / report.path).read_text(encoding="utf-8").startswith("# ข้อมูลสมมติ")
    assert (small / "submissions/2555/settings.yaml").read_bytes() == (
        ROOT / "submissions/2555/settings.yaml"
    ).read_bytes()


def test_same_seed_same_bytes_and_subsets_agree(tmp_path, small):
    again = tmp_path / "again"
    assert main(["demo", "--out", str(again), "--provinces", PROVINCES, "--quiet"]) == 0
    assert _tree(again) == _tree(small)
    only = tmp_path / "only54"
    assert main(["demo", "--out", str(only), "--provinces", "54", "--quiet"]) == 0
    phrae = {k: v for k, v in _tree(small).items() if k.startswith("submissions/2555/54/")}
    assert {k: v for k, v in _tree(only).items() if k.startswith("submissions/2555/54/")} == phrae
    other = tmp_path / "other"
    assert main(["demo", "--out", str(other), "--provinces", "54", "--seed", "7", "--quiet"]) == 0
    assert _tree(other) != _tree(only)


def test_rerun_replaces_an_earlier_demo_tree(tmp_path):
    out = tmp_path / "data"
    assert main(["demo", "--out", str(out), "--provinces", "54", "--quiet"]) == 0
    stale = out / "submissions/2555/54/5401/round-9.yaml"
    stale.write_text("stale", encoding="utf-8")
    assert main(["demo", "--out", str(out), "--provinces", "54", "--quiet"]) == 0
    assert not stale.exists()


@pytest.mark.parametrize("target", ["submissions", "submissions/demo", "submissions/2555/54", "."])
def test_refuses_to_write_into_the_real_submissions(target, capsys):
    before = _tree(ROOT / "submissions")
    assert main(["demo", "--out", str(ROOT / target), "--provinces", "54", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "ไม่เขียนข้อมูลสมมติ" in err
    assert "Traceback" not in err
    assert _tree(ROOT / "submissions") == before
    assert not (ROOT / "submissions" / "demo").exists()


def test_refuses_a_folder_that_holds_other_files(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["demo", "--out", str(tmp_path), "--provinces", "54", "--quiet"]) == 2
    assert "ไม่ใช่ข้อมูลสมมติ" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_unknown_province_is_a_usage_error(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path / "x"), "--provinces", "10", "--quiet"]) == 2
    assert "ไม่รู้จักรหัสจังหวัด 10" in capsys.readouterr().err


def test_scale_writes_a_fictional_country_that_validates(tmp_path):
    out = tmp_path / "data"
    args = ["demo", "--out", str(out), "--provinces", "11,99", "--scale", "2", "--quiet"]
    assert main(args) == 0
    loaded = load_repository(out, schema_root=ROOT)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    assert ds.fictional is True
    assert len(ds.districts) == 2 * 878  # the fictional country, not geothai's
    assert ds.settings.denominator == 2 * 878
    assert {p.province_code for p in ds.pilots.values()} == {"11", "99"}
    assert all(p.province.startswith("สมมติ") for p in ds.pilots.values())
    assert all(d.name.startswith("ตัวอย่าง") for d in ds.districts)
    # The fictional geography is scoped to that load: the real one is untouched.
    assert len(geography.districts()) == 878
    assert geography.district_by_code()["5403"].name == "ลอง"


def test_fictional_geography_is_ignored_without_the_marker(tmp_path):
    out = tmp_path / "data"
    assert main(["demo", "--out", str(out), "--provinces", "11", "--scale", "2", "--quiet"]) == 0
    (out / demo.MARKER).unlink()
    assert geography.fictional_country(out) is None
    loaded = load_repository(out, schema_root=ROOT)
    assert loaded.errors()  # fictional codes are not real districts
    assert loaded.datasets[2555].fictional is False


def test_writing_into_the_current_empty_folder_is_fine(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--out", ".", "--provinces", "54", "--quiet"]) == 0
    assert main(["demo", "--out", ".", "--provinces", "54", "--quiet"]) == 0  # rerun in place
    assert demo.is_fictional(tmp_path)
