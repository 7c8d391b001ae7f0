"""The shared browser check catches what it promises to catch."""

import pytest

BAD_PAGE = """<!DOCTYPE html><html><head><title>Bad</title></head><body>
<main><h1>Bad page</h1>
<script>console.log("inline scripts are blocked by the CSP")</script>
<img src="https://cdn.example.com/tracker.png">
<input type="text">
</main></body></html>"""


def test_audit_reports_csp_violation_foreign_request_and_axe_problems(page, live_server, audit):
    url = f"{live_server.url}/__audit-selftest__"
    page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'self'"},
            body=BAD_PAGE,
        ),
    )
    page.route("https://cdn.example.com/**", lambda route: route.abort())

    page.goto(url)
    with pytest.raises(AssertionError) as failure:
        audit.check(page)

    message = str(failure.value)
    assert "CSP violations" in message
    assert "https://cdn.example.com/tracker.png" in message
    assert "image-alt (critical, light)" in message
    assert "label (critical, dark)" in message
