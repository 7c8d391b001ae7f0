"""Glossary terms marked in text, each explained by one tooltip per page.

``{% glossary_terms text %}`` marks every term in ``text`` as a link to its page that points
(``aria-describedby``) at a tooltip with its meaning; ``{% glossary_tips %}`` writes those
tooltips, once per distinct term, for the terms marked since it last ran in this request. Put
it after the marked text, inside the same swappable region, so a region swapped by htmx brings
its own tooltips. ``static/js/app.js`` shows a tooltip on hover or keyboard focus, next to the
term and inside the screen; without JavaScript the term is simply a link. A page whose parts
are swapped in later without tooltips of their own (the workbench's question panels) puts the
tooltips of all their terms on the page first (``explain_terms_of``). Such a part, rendered
with ``fragment`` set, leaves ``aria-describedby`` out of its marks: only htmx asks for it, and
``app.js`` points each mark at the page's tooltip as the part arrives.

Marking a text is cached per glossary revision, so each question's text is marked once per
process and glossary change, not on every request.
"""

import functools
from collections import OrderedDict
from collections.abc import Iterable

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from ..matching import MarkedText, annotate, current

register = template.Library()

CACHE_SIZE = 4096  # marked texts kept per process (the bank has a few thousand texts)
_marked: "OrderedDict[tuple, tuple[str, frozenset[int]]]" = OrderedDict()


def tip_id(term) -> str:
    """The id of a term's tooltip element on a page."""
    return _tip_id(term.slug)


def _tip_id(slug: str) -> str:
    return f"term-tip-{slug}"


@functools.lru_cache(maxsize=8192)
def _term_url(prefix: str, slug: str) -> str:
    return reverse("glossary:term", args=[slug])


@register.filter
def term_url(term) -> str:
    """The URL of a term's page (reversed once per term and script prefix, not per mention);
    also a filter, ``{{ term|term_url }}``, for pages that list many terms."""
    return _term_url(get_script_prefix(), term.slug)


@functools.lru_cache(maxsize=8192)
def _term_link(prefix: str, slug: str, described: bool) -> str:
    """The opening tag of a mention's link (built once per term and script prefix)."""
    if not described:
        return format_html('<a class="term" href="{}">', _term_url(prefix, slug))
    return format_html(
        '<a class="term" href="{}" aria-describedby="{}">',
        _term_url(prefix, slug),
        _tip_id(slug),
    )


def render_term(written: str, term, *, described: bool = True) -> SafeString:
    """One mention: a link to the term's page, described by the term's tooltip (unless
    ``described`` is false: see the module docstring)."""
    link = _term_link(get_script_prefix(), term.slug, described)
    return mark_safe(f"{link}{escape(written)}</a>")  # noqa: S308


def _used(context) -> dict[int, object]:
    """The terms marked during this request and not yet given a tooltip (term id to term)."""
    request = context.get("request")
    return _used_by(request if request is not None else context.render_context)


def _used_by(holder) -> dict[int, object]:
    """The terms kept on ``holder`` (the request, or a render context without one)."""
    if not hasattr(holder, "glossary_used"):
        holder.glossary_used = {}
    return holder.glossary_used


def mark(text: str, *, described: bool = True) -> tuple[SafeString, frozenset[int]]:
    """``text`` escaped with its terms marked, and the ids of those terms (cached).

    Args:
        text: plain text.
        described: whether each mark names its tooltip (``aria-describedby``).

    Returns:
        The safe HTML and the ids of the terms in it.
    """
    key = (current()[0].revision, text, described)
    found = _marked.get(key)
    if found is None:
        ids: set[int] = set()

        def render(written: str, term) -> SafeString:
            ids.add(term.pk)
            return render_term(written, term, described=described)

        found = (str(annotate(text, render)), frozenset(ids))
        _marked[key] = found
        if len(_marked) > CACHE_SIZE:
            _marked.popitem(last=False)
    else:
        _marked.move_to_end(key)
    return mark_safe(found[0]), found[1]  # noqa: S308 - escaped and rendered by annotate


def explain_terms_of(request, texts: Iterable[str]) -> None:
    """Put the tooltips of every term in ``texts`` on the page ``request`` is rendering (by the
    next ``{% glossary_tips %}``), for parts of the page that are swapped in later without their
    own: the workbench's question panels. Each text is marked once per glossary revision.

    Args:
        request: the request whose page is being rendered.
        texts: the texts whose terms the page should explain.
    """
    ids = set().union(*(mark(str(text or ""))[1] for text in texts))
    terms = current()[1]
    _used_by(request).update((pk, terms[pk]) for pk in ids if pk in terms)


@register.simple_tag(takes_context=True)
def glossary_terms(context, text: str) -> SafeString:
    """``text`` escaped, with every glossary term in it marked (see the module docstring)."""
    html, ids = mark(str(text or ""), described=not context.get("fragment"))
    if ids:
        terms = current()[1]
        _used(context).update((pk, terms[pk]) for pk in ids if pk in terms)
    return html


@register.simple_tag(takes_context=True)
def glossary_tips(context) -> SafeString:
    """The tooltips of the terms marked since the last call in this request, once each."""
    used = _used(context)
    if not used:
        return mark_safe("")
    terms = sorted(used.values(), key=lambda term: term.slug)
    used.clear()
    return format_html(
        '<div class="term-tips" data-term-tips>{}</div>',
        format_html_join(
            "",
            '<span class="term-tip" role="tooltip" id="{}" hidden>'
            '<strong class="term-tip-name">{}</strong> {}</span>',
            ((tip_id(term), term.name, term.meaning) for term in terms),
        ),
    )


RESUME_SHOWN_CHARS = 100_000  # characters of a résumé shown marked up on the decoder page
RESUME_MARKS = 500  # mentions marked at most


@register.simple_tag(takes_context=True)
def resume_terms(context, decoded) -> MarkedText:
    """A decoded résumé's first ``RESUME_SHOWN_CHARS`` characters, escaped, with terms marked.

    Each term is marked where it first appears in each paragraph, ``RESUME_MARKS`` mentions
    at most, so a long résumé stays a light page; the result counts what was left plain. The
    mentions are the decoder's own (``DecodedResume.mentions``): the text is not scanned again.
    Use as ``{% resume_terms decoded as marked %}``.
    """
    used = _used(context)

    def render(written: str, term) -> SafeString:
        used[term.pk] = term
        return render_term(written, term)

    return annotate(
        decoded.text[:RESUME_SHOWN_CHARS],
        render,
        once_per_paragraph=True,
        limit=RESUME_MARKS,
        mentions=decoded.mentions,
    )
