from site_builder.report.repository import load_repository
from tests.conftest import EMPTY, ROOT


def test_the_real_repository_is_valid_real_data():
    """Invariants of this repository's own submissions/, whatever reports arrive."""
    loaded = load_repository(ROOT)
    assert loaded.errors() == []
    assert loaded.datasets
    for ds in loaded.datasets.values():
        assert ds.fictional is False
        assert len(ds.districts) == 878
        assert all(r.district_code in ds.pilots for r in ds.reports)


def test_the_phrae_registry_has_the_eight_pilots_of_the_source_letters():
    loaded = load_repository(EMPTY)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    assert sorted(ds.pilots) == [f"540{i}" for i in range(1, 9)]
    assert ds.pilots["5403"].lao_name == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert len(ds.districts) == 878
    assert ds.fictional is False


def test_symlinks_to_files_and_folders_are_refused_by_name(tmp_path):
    import shutil

    shutil.copytree(EMPTY / "submissions", tmp_path / "submissions")
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

    shutil.copytree(EMPTY / "submissions", tmp_path / "submissions")
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


def test_randomly_damaged_reports_end_as_findings_never_as_exceptions(tmp_path):
    """Byte-level damage (truncation, stray YAML syntax, invalid UTF-8) on a real report:
    every variant must load into findings or a valid report, seeded so failures repeat."""
    import random
    import shutil

    from site_builder.figures.aggregate import aggregate, evaluate_all

    rng = random.Random(2555)
    shutil.copytree(EMPTY / "submissions", tmp_path / "submissions")
    target = tmp_path / "submissions/2555/54/5403/round-1.yaml"
    target.parent.mkdir(parents=True)
    base = (ROOT / "tests/fixtures/valid/round-1.yaml").read_bytes()
    tokens = [b"yes", b"&a ", b"*a", b"!!str ", b"<<: ", b"\t", b"\x00", b"\xff", b"2012-05-25"]
    tokens += [b"-1", b"\xe0\xb9\x93", b"'", b'"', b"[", b"{", b"\n  ", b": ", b"null", b"0"]
    outcomes = set()
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.randint(1, 5)):
            pos = rng.randrange(len(data) or 1)
            op = rng.random()
            if op < 0.4:
                data[pos:pos] = rng.choice(tokens)
            elif op < 0.7:
                del data[pos : pos + rng.randint(1, 20)]
            elif op < 0.9 and pos < len(data):
                data[pos] = rng.randrange(256)
            else:
                del data[pos:]
        target.write_bytes(bytes(data))
        loaded = load_repository(tmp_path, schema_root=ROOT)
        ds = loaded.datasets[2555]
        aggregate(ds, evaluate_all(ds))
        outcomes.add("accepted" if ds.reports else "rejected")
        assert all(f.message and f.line >= 1 for f in loaded.findings)
    assert outcomes == {"accepted", "rejected"}


def test_clean_reports_keep_no_position_tables_but_findings_have_lines():
    """Line/column tables are built only for files with a finding (memory at scale)."""
    loaded = load_repository(ROOT / "tests" / "fixtures" / "scoring" / "repo", schema_root=ROOT)
    with_findings = {f.path for f in loaded.findings}
    assert with_findings  # the fixture has late reports: warnings with their lines
    assert all(f.line > 1 for f in loaded.findings if f.path.endswith(".yaml"))
    clean = [d for p, d in loaded.documents.items() if p not in with_findings]
    assert len(clean) >= 5
    assert all(d._key_pos is None and d._value_pos is None for d in clean)


def _aged(tree, seconds: int = 60) -> None:
    """Files older than the cache's racy window, as on a machine where nobody just saved."""
    import os
    import time

    old = time.time() - seconds
    for path in [tree, *tree.rglob("*")]:
        os.utime(path, (old, old))


def test_the_file_cache_reuses_unchanged_files_and_still_runs_the_rules_across_files(tmp_path):
    import shutil

    from site_builder.report.repository import FileCache
    from tests.conftest import SCORING

    tree = tmp_path / "repo"
    shutil.copytree(SCORING, tree)
    _aged(tree)
    cache = FileCache()

    def same_as_a_fresh_load():
        cached = load_repository(tree, cache=cache)
        fresh = load_repository(tree)
        assert cached.findings == fresh.findings
        assert cached.datasets == fresh.datasets
        return cached

    files = len(list(tree.rglob("*.yaml")))  # reports, registry and settings
    same_as_a_fresh_load()
    assert cache.hits == 0
    same_as_a_fresh_load()
    assert cache.hits == files
    # Round 1 of 5401 saved a second time under another name: a rule across files.
    first = tree / "submissions/2555/54/5401/round-1.yaml"
    shutil.copy(first, first.with_name("round-01.yaml"))
    loaded = same_as_a_fresh_load()
    assert "R-DUPLICATE-ROUND" in {f.code for f in loaded.findings}
    assert cache.hits == files  # the new file was checked, the others reused
    first.with_name("round-01.yaml").unlink()
    # Same size, new content: the clock and the inode give it away.
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("2555-05-2", "2555-13-2", 1), encoding="utf-8")
    _aged(first, 30)
    loaded = same_as_a_fresh_load()
    assert any(f.path.endswith("5401/round-1.yaml") and f.is_error for f in loaded.findings)
    assert cache.hits == files - 1
    # The registry changes what every report is checked against: nothing is reused.
    registry = tree / "submissions/2555/54/pilots.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    same_as_a_fresh_load()
    assert cache.hits == 0
