"""Project-wide pytest configuration: Chromium for Playwright, a clean cache per test."""

import os
import shutil
from pathlib import Path

import pytest

# The sync Playwright API runs an event loop in the test thread; Django would otherwise refuse
# database calls made from it. Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Two people in two windows (the co-rating test): a window in the background keeps its
    # timers, so htmx settles there as fast as in the window in front.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


def chromium_executable() -> str | None:
    """Return the Chromium to drive: $PLAYWRIGHT_CHROMIUM_EXECUTABLE, /usr/bin/chromium, or None.

    None means Playwright's own downloaded browser (``playwright install chromium``).
    """
    configured = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE")
    if configured:
        return configured
    system = Path("/usr/bin/chromium")
    if system.exists():
        return str(system)
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Chromium with the flags this machine needs (see DEVELOPERS.md)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    executable = chromium_executable()
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start every test with an empty cache, so login rate limits never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
