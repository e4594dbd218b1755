from pathlib import Path

from site_builder.repository import load_repository

ROOT = Path(__file__).resolve().parents[1]


def test_the_real_repository_has_the_eight_phrae_pilots_and_no_invented_reports():
    loaded = load_repository(ROOT)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    assert sorted(ds.pilots) == [f"540{i}" for i in range(1, 9)]
    assert ds.pilots["5403"].lao_name == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert len(ds.districts) == 878
    assert ds.fictional is False


def test_symlinks_to_files_and_folders_are_refused_by_name(tmp_path):
    import shutil

    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    outside = tmp_path / "elsewhere"
    (outside / "5401").mkdir(parents=True)
    (outside / "5401" / "round-1.yaml").write_text("fiscal_year: 2555\n", encoding="utf-8")
    (tmp_path / "submissions/2555/54/5401").symlink_to(outside / "5401")
    (tmp_path / "submissions/2555/54/5402").mkdir()
    (tmp_path / "submissions/2555/54/5402/round-1.yaml").symlink_to(outside / "5401/round-1.yaml")
    loaded = load_repository(tmp_path, schema_root=ROOT)
    codes = {(f.path, f.code) for f in loaded.findings}
    assert ("submissions/2555/54/5401", "L-SYMLINK") in codes
    assert ("submissions/2555/54/5402/round-1.yaml", "L-SYMLINK") in codes
    assert loaded.datasets[2555].reports == ()


def test_a_ce_date_does_not_hide_the_other_problems(tmp_path):
    import shutil

    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    text = (ROOT / "tests/fixtures/valid/round-1.yaml").read_text(encoding="utf-8")
    text = text.replace("report_date: 2555-05-25", "report_date: 2012-05-25")
    text = text.replace("  projects: 36\n  percent: 30", "  projects: 40\n  percent: 34")
    text = text.replace("expected_date: 2555-06-30", "expected_date: 30/6/2012")
    target = tmp_path / "submissions/2555/54/5403/round-1.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    loaded = load_repository(tmp_path, schema_root=ROOT)
    codes = sorted(f.code for f in loaded.findings if f.is_error)
    assert codes == ["R-DATE-CE", "R-DATE-CE", "R-PERCENT-MISMATCH"]
    assert loaded.datasets[2555].reports == ()
