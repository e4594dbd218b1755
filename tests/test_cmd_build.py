"""site-builder build: the deployed site links to its own host and repository."""

from site_builder.commands.cli import main
from tests.conftest import FIXTURES, ROOT


def test_site_and_repo_urls_from_the_command_line_replace_the_placeholders(tmp_path, capsys):
    site = tmp_path / "site"
    code = main(
        [
            "build",
            "--root",
            str(ROOT),
            "--data",
            str(FIXTURES / "no_reports"),
            "--site-dir",
            str(site),
            "--docs-dir",
            str(tmp_path / "docs"),
            "--site-url",
            "https://dla-example.github.io/kpi32",
            "--repo-url",
            "https://github.com/dla-example/kpi32/",
        ]
    )
    assert code == 0, capsys.readouterr().err
    pilot = (site / "pilot/5403/index.html").read_text(encoding="utf-8")
    assert "https://github.com/dla-example/kpi32/blob/main/submissions/2555/54/pilots.yaml" in pilot
    assert "https://github.com/dla-example/kpi32/new/main?filename=" in pilot
    assert "github.com/kpi32/" not in pilot
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://dla-example.github.io/kpi32/pilot/5403/</loc>" in sitemap


def test_a_url_that_is_not_http_is_refused_in_thai(tmp_path, capsys):
    code = main(
        ["build", "--root", str(ROOT), "--site-dir", str(tmp_path), "--repo-url", "javascript:x"]
    )
    assert code == 1
    assert "--repo-url" in capsys.readouterr().err
