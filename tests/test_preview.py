"""The live preview's incremental step (site_builder/site/preview.py) on a fixture tree:
after an edit the generated pages equal a full generation, only the pages that
depend on the edit are rewritten, and data with errors shows its Thai findings."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from site_builder.site.build import generate_docs, read_config
from site_builder.site.preview import Preview
from tests.conftest import ROOT, SCORING

REPORT = "submissions/2555/54/5401/round-1.yaml"


def _tree(tmp_path: Path) -> Path:
    """The Phrae scoring fixture, its files older than the file cache's racy window."""
    tree = tmp_path / "repo"
    shutil.copytree(SCORING, tree)
    old = time.time() - 60
    for path in [tree, *tree.rglob("*")]:
        os.utime(path, (old, old))
    return tree


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _stamps(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file()
    }


def _full(tree: Path, work: Path) -> dict[str, bytes]:
    """What a full build generates from the tree now (its open data aside)."""
    config = read_config(ROOT, tree, work / "site", work / "docs")
    generate_docs(config, with_exports=False)  # as the preview: open data on full builds
    return _files(config.docs_dir)


def test_an_edit_rewrites_only_the_pages_it_changes_and_they_equal_a_full_build(tmp_path):
    tree = _tree(tmp_path)
    preview = Preview(read_config(ROOT, tree, tmp_path / "site", tmp_path / "docs"))
    docs = preview.config.docs_dir
    assert preview.update().changed > 0
    assert _files(docs) == _full(tree, tmp_path / "full-0")
    before = _stamps(docs)
    time.sleep(0.01)  # a rewritten file gets a later mtime

    report = tree / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("position: ", "position: รักษาราชการแทน", 1), encoding="utf-8")
    done = preview.update()

    assert not done.findings
    assert _files(docs) == _full(tree, tmp_path / "full-1")
    assert "ตำแหน่ง รักษาราชการแทน" in (docs / "pilot/5401.md").read_text(encoding="utf-8")
    after = _stamps(docs)
    rewritten = {p for p in after if after[p] != before.get(p)}
    assert "pilot/5401.md" in rewritten
    # Other pilots' pages are not touched, so MkDocs' dirty build skips them.
    assert not {p for p in rewritten if p.startswith("pilot/")} - {"pilot/5401.md"}
    assert rewritten <= {"pilot/5401.md", "province/54.md", "index.md", "pilots.md"} | {
        p for p in rewritten if not p.endswith(".md")
    }
    assert done.changed == len(rewritten)


def test_an_invalid_edit_shows_its_thai_finding_and_a_fix_brings_the_pages_back(tmp_path):
    tree = _tree(tmp_path)
    preview = Preview(read_config(ROOT, tree, tmp_path / "site", tmp_path / "docs"))
    docs = preview.config.docs_dir
    preview.update()
    report = tree / REPORT
    good = report.read_text(encoding="utf-8")
    report.write_text(good.replace("report_date: 2555-05-25", "report_date: 2555-13-25"), "utf-8")

    done = preview.update()

    assert done.findings and done.message
    page = (docs / "pilot/5401.md").read_text(encoding="utf-8")
    for finding in done.findings:
        assert finding.path in page and finding.code in page
    assert "ข้อมูลมีข้อผิดพลาด" in page and "ข้อผิดพลาด" in page
    assert (docs / "index.md").read_text(encoding="utf-8") == page
    assert "ข้อมูลมีข้อผิดพลาด" not in (docs / "pilot/5402.md").read_text(encoding="utf-8")

    report.write_text(good, encoding="utf-8")
    assert not preview.update().findings
    assert _files(docs) == _full(tree, tmp_path / "full")


def test_the_preview_writes_no_open_data_and_its_page_says_so(tmp_path, scoring_site):
    preview = Preview(read_config(ROOT, _tree(tmp_path), tmp_path / "site", tmp_path / "docs"))
    preview.update()
    docs = preview.config.docs_dir
    notice = "ตัวอย่างเว็บไซต์ (make serve) ไม่ได้สร้างไฟล์ข้อมูลเปิด"
    assert notice in (docs / "open-data.md").read_text(encoding="utf-8")
    assert not (docs / "data").exists()
    # A full build writes them, and its page has no such notice.
    assert (scoring_site / "data").is_dir()
    assert notice not in (scoring_site / "open-data/index.html").read_text(encoding="utf-8")


def _bench_preview():
    """benchmarks/preview.py (not an installed package), loaded from its file."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "benchmarks_preview", ROOT / "benchmarks" / "preview.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmarks_preview"] = module
    spec.loader.exec_module(module)
    return module


def test_make_serve_shows_an_invalid_edit_as_its_thai_finding_and_keeps_serving(tmp_path):
    """The real server: an edit with an error shows on the pilot's served page as the
    Thai finding, and fixing the file brings the page back, without a restart."""
    bench = _bench_preview()
    tree = _tree(tmp_path)
    report = tree / REPORT
    good = report.read_text(encoding="utf-8")
    with bench.serving(tree, tmp_path) as (_pid, base):
        page = base + "pilot/5401/"
        assert bench.wait_for(page, "ผลการดำเนินงาน", 60) is not None
        report.write_text(good.replace("report_date: 2555-05-25", "report_date: 2555-13-25"))
        assert bench.wait_for(page, "ข้อมูลมีข้อผิดพลาด", 60) is not None
        shown = bench._get(page)
        assert "submissions/2555/54/5401/round-1.yaml:" in shown and "ข้อผิดพลาด R-" in shown
        report.write_text(good.replace("position: ", "position: รักษาราชการแทน", 1))
        assert bench.wait_for(page, "ตำแหน่ง รักษาราชการแทน", 60) is not None
        assert "ข้อมูลมีข้อผิดพลาด" not in bench._get(page)
