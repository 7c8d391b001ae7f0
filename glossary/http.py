"""HTTP helpers shared by both apps (``glossary`` is the lower layer, so they live here)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request: HttpRequest) -> bool:
    """Whether an htmx request is answered with a part of the page rather than all of it.

    A boosted request stands in for a page load, and so does a history restore (htmx asking for
    a page its history cache has lost, whose answer replaces the whole ``<body>``): both get
    the whole page.

    Args:
        request: the request (with django-htmx's ``request.htmx``).

    Returns:
        True for an htmx request that swaps a part of the page it was made from.
    """
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page_or_partial(
    request: HttpRequest, template_name: str, context: dict, partial: str, *, status: int = 200
) -> HttpResponse:
    """Render the whole page, or only its inline ``partial`` for an htmx request.

    A boosted or history-restoring htmx request gets the whole page (``wants_fragment``). The
    response varies on ``HX-Request``, so no cache serves the fragment as the page or the other
    way round.

    Args:
        request: the request (with django-htmx's ``request.htmx``).
        template_name: the page's template.
        context: its context.
        partial: the name of a ``{% partialdef %}`` in it.
        status: the HTTP status.

    Returns:
        The rendered response.
    """
    if wants_fragment(request):
        template_name = f"{template_name}#{partial}"
    response = render(request, template_name, context, status=status)
    vary_on_htmx(response)
    return response


def vary_on_htmx(response: HttpResponse) -> HttpResponse:
    """Add the headers ``wants_fragment`` reads to the response's ``Vary`` header (for URLs
    answering with a page or a part of it), so no cache serves one as the other. Returns it."""
    patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
    return response
