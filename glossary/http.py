"""HTTP helpers shared by both apps (``glossary`` is the lower layer, so they live here)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_page_or_partial(
    request: HttpRequest, template_name: str, context: dict, partial: str, *, status: int = 200
) -> HttpResponse:
    """Render the whole page, or only its inline ``partial`` for an htmx request.

    A boosted htmx request stands in for a page load, so it gets the whole page. The response
    varies on ``HX-Request``, so no cache serves the fragment as the page or the other way round.

    Args:
        request: the request (with django-htmx's ``request.htmx``).
        template_name: the page's template.
        context: its context.
        partial: the name of a ``{% partialdef %}`` in it.
        status: the HTTP status.

    Returns:
        The rendered response.
    """
    if request.htmx and not request.htmx.boosted:
        template_name = f"{template_name}#{partial}"
    response = render(request, template_name, context, status=status)
    vary_on_htmx(response)
    return response


def vary_on_htmx(response: HttpResponse) -> HttpResponse:
    """Add ``HX-Request`` to the response's ``Vary`` header (for URLs answering both)."""
    patch_vary_headers(response, ["HX-Request"])
    return response
