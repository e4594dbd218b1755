"""The one-click links fit for realistic long reports, and the file each carries validates.

The git host's documentation (docs.github.com, "About automation for issues and pull
requests with query parameters") says a URL over its server limit gets "414 URI Too
Long" without giving the number; the limit reported to its documentation team is
8,191 bytes (github/docs issue 5136). ``submit_link.MAX_URL`` keeps 8,000.
"""

from __future__ import annotations

import dataclasses

from site_builder.site.submit_link import MAX_URL, previous_report, submit_url
from tests.test_submit_link import REPO_URL, check, dataset, decode, fill, repo  # noqa: F401

# The realistic long answers of an officer (the goal).
LONG_NAME = "นางสาวพลอยกมลวัน ธัญญ์สัณชัยวงศ์สกุล"
LONG_POSITION = "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ รักษาราชการแทนปลัดองค์การบริหารส่วนตำบลต้าผามอก"
NOTE_300 = ("ฝนตกหนักทำให้ต้องเลื่อนเวทีประชาคมหมู่บ้านออกไป ประชุมร่วมกับ ศอช.ต. แล้ว " * 6)[:300]


def test_long_names_fit_in_the_pilot_page_link(repo, dataset):  # noqa: F811
    assert len(NOTE_300) == 300
    pilot = dataset.pilots["5401"]
    base = previous_report(dataset.reports, "5401", 2)
    previous = dataclasses.replace(
        base, reporter_name=LONG_NAME, reporter_position=LONG_POSITION, note=NOTE_300
    )
    url = submit_url(REPO_URL, pilot, 2, dataset.settings, previous=previous)
    assert url is not None and len(url) <= MAX_URL, url and len(url)
    _, filename, value = decode(url)
    assert LONG_POSITION in value
    assert NOTE_300 not in value  # a note is the month's own: a new report starts without one
    found = check(repo, filename, fill(value, {"report_date": "2555-06-20"}))
    assert [f for f in found if f.is_error] == [], found
