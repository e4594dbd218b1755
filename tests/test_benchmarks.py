"""The benchmark harness's pure helpers (no timings are asserted anywhere)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

# benchmarks/ is not an installed package; load the harness from its file.
_spec = importlib.util.spec_from_file_location(
    "benchmarks_run", Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
)
bench = importlib.util.module_from_spec(_spec)
sys.modules["benchmarks_run"] = bench
_spec.loader.exec_module(bench)
batches, format_table, growth = bench.batches, bench.format_table, bench.growth
human_bytes, median, rejected_files = bench.human_bytes, bench.median, bench.rejected_files
table, verdict = bench.table, bench.verdict


def test_median_of_three_runs_and_of_nothing():
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([1.0, 4.0]) == 2.5
    assert median([]) is None


def test_batches_keep_every_argument_once_and_under_the_limit():
    args = [f"submissions/2555/54/54{i:02d}/round-{i % 5 + 1}.yaml" for i in range(100)]
    out = batches(args, 400)
    assert [a for b in out for a in b] == args
    assert len(out) > 1
    assert all(sum(len(a) + 9 for a in b) <= 400 for b in out)
    assert batches([], 400) == []


def test_human_bytes_and_verdicts():
    assert human_bytes(None) == "—"
    assert human_bytes(512) == "512 B"
    assert human_bytes(40 * 1024) == "40.0 KB"
    assert human_bytes(23 * 1024 * 1024) == "23.0 MB"
    assert verdict(0.2, 0.25) == "ok"
    assert verdict(0.3, 0.25) == "OVER"
    assert verdict(None, 0.25) == "—"


def test_format_table_aligns_columns_under_a_rule():
    text = format_table([("", "1x", "budget"), ("site build", "2.00 s", "<= 20 s")])
    lines = text.splitlines()
    assert lines[1].startswith("----------")
    assert lines[2].index("2.00 s") == lines[0].index("1x")


def test_rejected_files_counts_each_file_once():
    out = (
        "Schema validation errors were encountered.\n"
        "  submissions/2555/14/1412/round-2.yaml::$.round: '๒' is not of type 'integer'\n"
        "  submissions/2555/14/1412/round-2.yaml::$.item1.total: '๑๙' is not of type 'integer'\n"
        "  submissions/2555/84/8416/round-5.yaml::$.round: '๕' is not of type 'integer'\n"
    )
    assert rejected_files(out) == 2
    assert rejected_files("ok -- validation done\n") == 0


def _result(validate: float, theirs: float, build: float | None, size: int | None) -> dict:
    return {
        "ours": {"median_seconds": validate, "median_max_rss_kib": 1000},
        "check_jsonschema": {"median_seconds": theirs, "median_max_rss_kib": 2000},
        "ratio_ours_to_check_jsonschema": validate / theirs,
        "build": None if build is None else {"median_seconds": build, "median_max_rss_kib": 3000},
        "site": None
        if size is None
        else {
            "site_bytes": size,
            "pilot_pages": 878,
            "median_pilot_page_bytes": 30_000,
            "largest_page_bytes": 500_000,
            "largest_page": "pilots/index.html",
        },
    }


def test_table_shows_budgets_verdicts_and_growth():
    results = {"x1": _result(2.0, 10.0, 15.0, 100), "x10": _result(30.0, 100.0, 160.0, 900)}
    ds = {"report_files": 4000, "pilots": 878, "report_bytes": 4000 * 1350}
    data = {
        "scales": [1, 10],
        "results": results,
        "datasets": {"x1": ds, "x10": ds},
        "growth_10x": growth(results),
    }
    assert data["growth_10x"]["validate_time"] == 15.0
    text = table(data)
    assert "ratio ours / check-jsonschema" in text
    ratio_line = next(line for line in text.splitlines() if line.startswith("ratio"))
    assert "0.200" in ratio_line and "0.300" in ratio_line and "OVER" in ratio_line
    build_line = next(line for line in text.splitlines() if line.startswith("site build"))
    assert build_line.rstrip().endswith("ok")
    growth_line = next(line for line in text.splitlines() if "10x / 1x: build time" in line)
    assert "10.67x" in growth_line and "OVER" in growth_line


def test_table_marks_a_skipped_build_with_a_dash():
    results = {"x1": _result(2.0, 10.0, None, None)}
    ds = {"report_files": 4000, "pilots": 878, "report_bytes": 4000 * 1350}
    text = table({"scales": [1], "results": results, "datasets": {"x1": ds}})
    build_line = next(line for line in text.splitlines() if line.startswith("site build"))
    assert "—" in build_line
    assert growth(results) is None


def test_identity_ignores_timestamps_and_nothing_else(tmp_path):
    import gzip

    compare_sites = bench.identity.compare_sites
    a, b = tmp_path / "a", tmp_path / "b"
    for site, stamp, body in (
        (a, "2026-11-26T10:00:00Z", "เดิม"),
        (b, "2026-11-27T09:30:12Z", "ใหม่"),
    ):
        (site / "pilot").mkdir(parents=True)
        (site / "index.html").write_text(f"<p>สร้างเมื่อ {stamp}</p>", encoding="utf-8")
        (site / "pilot" / "index.html").write_text(f"<p>{body}</p>", encoding="utf-8")
        xml = f"<url><lastmod>{stamp[:10]}</lastmod></url>".encode()
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(xml, mtime=int(stamp[8:10])))
    (b / "extra.css").write_text("p{}", encoding="utf-8")
    out = compare_sites(a, b)
    assert out["differ"] == ["pilot/index.html"]
    assert out["only_working_tree"] == ["extra.css"] and out["only_reference"] == []
    assert not out["identical"]
    (b / "pilot" / "index.html").write_text("<p>เดิม</p>", encoding="utf-8")
    (b / "extra.css").unlink()
    assert compare_sites(a, b)["identical"]
