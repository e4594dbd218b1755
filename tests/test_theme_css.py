"""The theme stylesheet cut: rules the site can use stay, the rest goes."""

from __future__ import annotations

from site_builder.site.theme_css import Used, subset_css, subset_theme_css

PAGE = '<body dir="ltr" data-md-color-primary="indigo"><div class="md-typeset kpi" id="top">'
THEME = (
    ':root{--md-a:#111;--md-b:var(--md-a);--md-unused:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
    ".md-typeset{color:var(--md-b)}"
    ".md-typeset .admonition{border:1px}"
    ".md-typeset .tabbed-set,.md-typeset p{margin:0}"
    "a:not(.md-button){color:red}"
    "[dir=rtl] .md-typeset{direction:rtl}"
    "@media screen and (min-width:60em){.md-sidebar{width:1rem}.md-typeset{width:2rem}}"
    "@font-face{font-family:x;src:url(x.woff)}"
    "#top{margin:0}"
)
PALETTE = "[data-md-color-primary=pink]{--md-p:pink}[data-md-color-primary=indigo]{--md-p:#4051b5}"


def _used(script: str = "") -> Used:
    used = Used()
    used.add_page(PAGE)
    used.add_script(script)
    return used


def test_keeps_what_pages_use_and_drops_the_rest():
    main, palette = subset_css([THEME, PALETTE], _used(), readers=".kpi{color:var(--md-p)}")
    assert ".md-typeset{color:var(--md-b)}" in main
    assert "admonition" not in main and "tabbed" not in main
    assert ".md-typeset p{margin:0}" in main  # the used half of a selector list
    assert "a:not(.md-button){color:red}" in main  # a class inside :not() is not required
    assert "rtl" not in main  # no page is right-to-left
    assert "@media screen and (min-width:60em){.md-typeset{width:2rem}}" in main
    assert "@font-face{font-family:x;src:url(x.woff)}" in main
    assert "#top{margin:0}" in main
    assert "--md-a:#111" in main and "--md-b:var(--md-a)" in main  # read, also indirectly
    assert "--md-unused" not in main
    assert palette == "[data-md-color-primary=indigo]{--md-p:#4051b5}"  # read by site styles


def test_own_scripts_keep_classes_they_add():
    (main,) = subset_css([THEME], _used("el.classList.add('admonition')"))
    assert ".md-typeset .admonition{border:1px}" in main


def test_site_stylesheets_are_rewritten_in_place(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.abc.min.css").write_text(THEME, encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    sizes = subset_theme_css(tmp_path)
    before, after = sizes["main.abc.min.css"]
    assert before == len(THEME) and after < before
    assert "admonition" not in (sheets / "main.abc.min.css").read_text(encoding="utf-8")


def _site(root, pages):
    sheets = root / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.abc.min.css").write_text(THEME, encoding="utf-8")
    (sheets / "palette.abc.min.css").write_text(PALETTE, encoding="utf-8")
    for i, page in enumerate(pages):
        (root / f"p{i}").mkdir()
        (root / f"p{i}" / "index.html").write_text(page, encoding="utf-8")
    return root


def test_the_build_s_one_pass_scan_cuts_exactly_what_reading_every_page_cuts(tmp_path, monkeypatch):
    """The build squeezes and scans the pages in one read, split across cores."""
    from site_builder import fanout
    from site_builder.site.build import squeeze_html

    pages = [
        "<html>\n    <body>\n      <p class='x'>no classes here</p>\n",
        PAGE + '\n  <div style="color:var(--md-p)">',  # a page that reads the palette
        '<div class="md-typeset">\n    <pre>\n    kept\n</pre>\n  <div class="admonition">',
        "<p>\n   plain</p>",
    ]
    read_again, one_pass = _site(tmp_path / "a", pages), _site(tmp_path / "b", pages)
    squeeze_html(read_again)
    subset_theme_css(read_again)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 2)
    subset_theme_css(one_pass, squeeze_html(one_pass))
    files = sorted(p.relative_to(read_again) for p in read_again.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(one_pass) for p in one_pass.rglob("*") if p.is_file())
    for rel in files:
        assert (read_again / rel).read_bytes() == (one_pass / rel).read_bytes(), rel
    main = (one_pass / "assets/stylesheets/main.abc.min.css").read_text(encoding="utf-8")
    assert "admonition{border:1px}" in main
    palette = (one_pass / "assets/stylesheets/palette.abc.min.css").read_text(encoding="utf-8")
    assert palette == "[data-md-color-primary=indigo]{--md-p:#4051b5}"  # read by a page
    assert (
        (one_pass / "p2/index.html")
        .read_text(encoding="utf-8")
        .startswith('<div class="md-typeset">\n<pre>\n    kept\n</pre>\n<div')
    )
