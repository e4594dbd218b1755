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
