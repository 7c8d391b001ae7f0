"""The shared browser check every page must pass.

Usage in a test (``audit`` is a fixture from tests/e2e/conftest.py)::

    page.goto(live_server.url + "/")
    audit.check(page)

``check`` fails the test on: a console error or uncaught page error, a response of 400 or more,
a Content-Security-Policy violation, a request to any host other than the app's, or an axe-core
violation of any impact, in the light and in the dark colour scheme. Listeners are attached when
the page is created, so problems that happen while the page loads are caught too.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, Request, Response

# Runs in every document before its own scripts (injected by the browser, so the page's CSP
# does not apply); records CSP violations where the audit can read them.
_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile || "?"}:${e.lineNumber || "?"}`);
});
"""

_axe = Axe()


@dataclass
class PageAudit:
    """Collects a page's problems from the moment it is watched; ``check`` asserts there are none.

    Attributes:
        allowed_host: the ``host:port`` of the live server; any other host is foreign.
    """

    allowed_host: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        """Attach the listeners to ``page`` and return it."""
        page.add_init_script(_CSP_LISTENER)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"page error: {exc}"))
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"console: {message.text} ({message.location.get('url')})")

    def _on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.netloc != self.allowed_host:
            self.foreign_requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")

    def expect_failures(self, reason: str) -> None:
        """Forget the console errors and failed responses so far: the test caused them on purpose.

        Args:
            reason: why they were expected (for the reader; e.g. "the 409 reports the conflict").
        """
        assert reason
        self.console_errors.clear()
        self.failed_responses.clear()

    def check(self, page: Page) -> None:
        """Assert the page is clean so far (see the module docstring).

        Raises:
            AssertionError: listing every problem found, with axe's rule ids and node targets.
        """
        page.wait_for_load_state("load")
        csp = page.evaluate("window.__cspViolations || []")
        violations = []
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_timeout(300)  # colour transitions (150 ms) finish before axe measures
            violations += [
                f"{v['id']} ({v['impact']}, {scheme}): {v['help']} at "
                + ", ".join(str(node["target"]) for node in v["nodes"][:5])
                for v in _axe.run(page).response["violations"]
            ]
        page.emulate_media(color_scheme="light")
        problems = {
            "console errors": self.console_errors,
            "failed responses": self.failed_responses,
            "CSP violations": csp,
            "requests to other hosts": self.foreign_requests,
            "axe violations": violations,
        }
        found = {name: items for name, items in problems.items() if items}
        assert not found, f"{page.url} failed the browser check: {found}"


def settled(page: Page, action) -> None:
    """Run ``action`` (a click that makes an htmx request) and wait until htmx has swapped.

    Boosted links and forms do not navigate, so Playwright's load events do not tell when they
    are done; htmx's ``htmx:afterSettle`` event does.
    """
    page.evaluate(
        "window.__htmxSettled = false;"
        "document.addEventListener('htmx:afterSettle', () => { window.__htmxSettled = true },"
        " {once: true})"
    )
    action()
    page.wait_for_function("() => window.__htmxSettled === true")
