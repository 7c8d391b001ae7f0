"""Middleware that delivers Django messages to HTMX requests."""

from collections.abc import Callable

from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class HtmxMessagesMiddleware:
    """Append pending messages to HTMX responses as an out-of-band swap of ``#messages``.

    A full page shows messages through ``base.html``; an HTMX request only gets a fragment, so the
    messages would otherwise wait for the next full page. Redirects and non-HTML responses are left
    alone: the messages stay queued for the page the browser lands on.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(request, "htmx", False) or request.htmx.boosted:
            return response
        if response.streaming or 300 <= response.status_code < 400:
            return response
        if "text/html" not in response.get("Content-Type", "") or "HX-Redirect" in response:
            return response
        storage = get_messages(request)
        if not storage:
            return response
        response.write(
            render_to_string(
                "base.html#messages", {"messages": storage, "oob": True}, request=request
            )
        )
        return response
