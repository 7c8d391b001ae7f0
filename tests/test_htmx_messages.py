"""Django messages reach HTMX requests out-of-band."""

from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxMiddleware

from project.middleware import HtmxMessagesMiddleware


def _request(headers=None):
    request = RequestFactory().get("/", headers=headers or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.success(request, "Rating saved.")
    return request


def _run(request, response):
    return HtmxMiddleware(HtmxMessagesMiddleware(lambda r: response))(request)


def test_htmx_fragment_gets_messages_appended_out_of_band():
    response = _run(_request({"HX-Request": "true"}), HttpResponse("<p>fragment</p>"))

    html = response.content.decode()
    assert html.startswith("<p>fragment</p>")
    assert 'id="messages" hx-swap-oob="true"' in html
    assert '<div class="alert alert-success">Rating saved.</div>' in html


def test_plain_request_is_left_for_the_full_page():
    response = _run(_request(), HttpResponse("<p>page</p>"))

    assert response.content.decode() == "<p>page</p>"


def test_htmx_redirect_keeps_messages_queued():
    request = _request({"HX-Request": "true"})
    redirect = HttpResponse(status=302, headers={"Location": "/"})

    response = _run(request, redirect)

    assert response.content == b""
    assert [m.message for m in messages.get_messages(request)] == ["Rating saved."]


def test_boosted_navigation_renders_messages_in_the_full_page_only():
    request = _request({"HX-Request": "true", "HX-Boosted": "true"})

    response = _run(request, HttpResponse("<html>page</html>"))

    assert response.content.decode() == "<html>page</html>"
