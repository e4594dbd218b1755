"""Browser tests cannot silently vanish where they must run (CI sets REQUIRE_BROWSER_TESTS)."""

from __future__ import annotations

import pytest

from tests.browser import conftest as browser


def test_a_missing_browser_skips_locally_and_fails_where_required(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser, "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium"):
        browser.chromium_path.__wrapped__()
    monkeypatch.setattr(browser, "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER_TESTS=1"):
        browser.chromium_path.__wrapped__()
