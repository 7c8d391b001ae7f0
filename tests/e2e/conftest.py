"""Fixtures for browser tests: every test here is marked ``e2e`` and gets an audited page."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.e2e.audit import PageAudit, settled
from tests.factories import PASSWORD


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def audit(page, live_server) -> PageAudit:
    """A :class:`PageAudit` already watching ``page``; call ``audit.check(page)`` per page."""
    watcher = PageAudit(allowed_host=urlsplit(live_server.url).netloc)
    watcher.watch(page)
    return watcher


@pytest.fixture
def sign_in(page, live_server):
    """Sign in through the real form; returns a function taking (email, password)."""

    def _sign_in(email: str, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        settled(page, page.get_by_role("button", name="Sign in").click)

    return _sign_in


@pytest.fixture
def page_without_js(browser, live_server):
    """A page in a browser context with JavaScript off; returns a function that signs in
    ``email`` through the form and gives that page (its context is closed after the test)."""
    context = browser.new_context(java_script_enabled=False)

    def _signed_in(email: str) -> Page:
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        return page

    yield _signed_in
    context.close()
