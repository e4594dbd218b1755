"""``site-builder results`` on the fixture repository: output, options and exit codes."""

import json
import shutil

import pytest

from site_builder.commands.cli import main
from tests.conftest import ROOT

REPO = ROOT / "tests" / "fixtures" / "scoring" / "repo"


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["results", *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code)
    out, err = capsys.readouterr()
    return code, out, err


def test_table_shows_national_figure_score_funnel_counts_and_overdue(capsys):
    code, out, err = run(capsys, "--root", str(REPO), "--round", "1")
    assert code == 0, err
    assert "ครั้งที่ 1 (พฤษภาคม 2555) กำหนดส่ง 25 พ.ค. 2555" in out
    assert "ผ่านครบ 5 เกณฑ์: 1 จาก 878 แห่ง = ร้อยละ 0.11" in out
    assert "คะแนน: 1.0000 (น้ำหนักร้อยละ 5 = คะแนนถ่วงน้ำหนัก 0.0500)" in out
    assert "1: 3 | 1-2: 2 | 1-3: 2 | 1-4: 2 | 1-5: 1" in out
    assert "ได้รับ 4 ฉบับ ส่งช้า 1 ค้างส่ง 4" in out
    assert "ค้างส่ง 4 แห่ง:" in out
    assert "5404 สูงเม่น | อบต. องค์การบริหารส่วนตำบลสบสาย" in out
    assert "ครั้งที่ 2" not in out
    assert "ข้อมูลสมมติ" not in out


def test_all_rounds_by_default(capsys):
    code, out, _ = run(capsys, "--root", str(REPO))
    assert code == 0
    assert [f"ครั้งที่ {n} (" in out for n in range(1, 6)] == [True] * 5
    assert "ผ่านครบ 5 เกณฑ์: 3 จาก 878 แห่ง = ร้อยละ 0.34" in out  # round 2 onwards


def test_province_filter(capsys):
    code, out, _ = run(capsys, "--root", str(REPO), "--province", "๕๔", "--round", "2")
    assert code == 0
    assert "จังหวัดแพร่ (รหัส 54)" in out
    assert "ผ่านครบ 5 เกณฑ์: 3 จาก 8 อำเภอ" in out
    code, out, _ = run(capsys, "--root", str(REPO), "--province", "50", "--round", "2")
    assert "ผ่านครบ 5 เกณฑ์: 0 จาก 25 อำเภอ" in out
    assert "ไม่มีพื้นที่ต้นแบบค้างส่ง" in out


def test_json_matches_the_published_national_figures(capsys):
    code, out, _ = run(capsys, "--root", str(REPO), "--format", "json", "--round", "3")
    assert code == 0
    data = json.loads(out)
    assert data["fictional"] is False
    assert [r["round"] for r in data["rounds"]] == [3]
    nat = data["rounds"][0]["national"]
    assert (nat["meets_all"], nat["percent"], nat["score"]) == (3, "0.34", "1.0000")
    assert nat["late"] == 1 and [p["district_code"] for p in nat["late_pilots"]] == ["5401"]
    code, out, _ = run(capsys, "--root", str(REPO), "--format", "json", "--province", "54")
    prov = json.loads(out)
    assert prov["province"] == "แพร่" and len(prov["rounds"]) == 5
    assert prov["rounds"][0]["counts"]["meets_all"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--round", "9"], "ไม่มีรายงานครั้งที่ 9"),
        (["--province", "99"], "ไม่รู้จักรหัสจังหวัด '99'"),
        (["--year", "2556"], "ไม่มีข้อมูลปีงบประมาณ 2556"),
        (["--round", "abc"], "ต้องเป็นจำนวนเต็ม"),
        (["--format", "xml"], "ใช้คำสั่งไม่ถูกต้อง"),
    ],
)
def test_usage_errors_exit_2_with_a_thai_message(capsys, args, message):
    code, _, err = run(capsys, "--root", str(REPO), *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_missing_root_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "--root", str(tmp_path / "nowhere"))
    assert code == 2 and "submissions/" in err


def test_data_errors_exit_1_and_are_shown_briefly(capsys, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo)
    bad = repo / "submissions" / "2555" / "54" / "5404" / "round-1.yaml"
    bad.parent.mkdir()
    bad.write_text("fiscal_year: 2555\nround: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "--root", str(repo), "--round", "1")
    assert code == 1
    assert "ข้อมูลมีข้อผิดพลาด 1 รายการ" in err
    assert "submissions/2555/54/5404/round-1.yaml" in err
    assert "Traceback" not in err
    # the figures still come from the valid reports
    assert "ผ่านครบ 5 เกณฑ์: 1 จาก 878 แห่ง" in out


def test_fictional_data_is_bannered(capsys, tmp_path):
    repo = tmp_path / "demo"
    shutil.copytree(REPO, repo)
    (repo / "FICTIONAL").write_text("ข้อมูลสมมติ เพื่อการสาธิต\n", encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(repo), "--round", "1")
    assert code == 0
    assert out.startswith("*** ข้อมูลสมมติ เพื่อการสาธิต")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "json")
    assert json.loads(out)["fictional"] is True


def test_a_fictional_country_names_its_own_provinces(capsys, tmp_path):
    """A demo tree at --scale 2 has provinces 11 and 98, which the real country lacks;
    its figures name them as that tree does, and the real names never appear."""
    demo = tmp_path / "demo"
    assert (
        main(["demo", "--out", str(demo), "--scale", "2", "--provinces", "11,98", "--quiet"]) == 0
    )
    names = {
        row[2]: row[3] for row in json.loads((demo / "geography.json").read_text())["districts"]
    }
    for code in ("11", "98"):
        status, out, err = run(capsys, "--root", str(demo), "--province", code, "--round", "1")
        assert status == 0, err
        assert f"จังหวัด{names[code]} (รหัส {code})" in out
        assert "สมุทรปราการ" not in out  # the real province 11
        status, out, err = run(
            capsys, "--root", str(demo), "--province", code, "--round", "1", "--format", "json"
        )
        assert json.loads(out)["province"] == names[code]


def test_results_does_not_load_the_site_renderer():
    """``site-builder results`` computes figures; pages and Jinja are not its business."""
    import subprocess
    import sys

    code = (
        "import sys, site_builder.commands.cmd_results\n"
        "bad = [m for m in sys.modules if m == 'jinja2' or m.startswith('site_builder.site.render')"
        " or m in ('site_builder.site.build', 'mkdocs')]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
