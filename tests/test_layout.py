from site_builder.layout import classify, parse_report_path, report_relpath


def test_report_path_encodes_year_province_district_round():
    assert report_relpath(2555, "5403", 2) == "submissions/2555/54/5403/round-2.yaml"
    p = parse_report_path("2555/54/5403/round-2.yaml")
    assert (p.fiscal_year, p.province_code, p.district_code, p.round) == (2555, "54", "5403", 2)


def test_classify():
    assert classify("2555/settings.yaml") == "settings"
    assert classify("2555/54/pilots.yaml") == "registry"
    assert classify("2555/54/5403/round-1.yaml") == "report"
    assert classify("2555/54/5403/report.yaml") == "unknown"
    assert classify("../../etc/passwd.yaml") == "unknown"


def test_a_zero_padded_round_is_that_round_and_three_digits_are_refused():
    """Decided: ``round-01.yaml`` is round 1 (spreadsheets pad numbers; refusing it would
    only make an officer rename a correct report). Saved beside ``round-1.yaml`` it is
    the same round twice, which R-DUPLICATE-ROUND refuses (tests/fixtures/codes)."""
    from site_builder.layout import classify, parse_report_path

    padded = parse_report_path("2555/54/5403/round-01.yaml")
    assert padded is not None and padded.round == 1
    assert classify("2555/54/5403/round-001.yaml") == "unknown"
    assert classify("2555/54/5403/round-1.yml") == "unknown"
