"""``{{ text|glossary_terms }}``: mark the glossary terms in a text, each with its meaning."""

import itertools

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..matching import annotate

register = template.Library()
_ids = itertools.count(1)


def render_term(written: str, term) -> SafeString:
    """A link to the term's page, with its meaning in a popover shown on hover and focus."""
    tip = f"term-tip-{next(_ids)}"
    return format_html(
        '<span class="term-ref" x-data="termTip" @mouseenter="show" @mouseleave="hide" '
        '@focusin="show" @focusout="hide" @keydown.escape="hide">'
        '<a class="term" href="{}" aria-describedby="{}">{}</a>'
        '<span class="term-tip" role="tooltip" id="{}" x-cloak x-show="open">'
        '<strong class="term-tip-name">{}</strong> {}</span></span>',
        reverse("glossary:term", args=[term.slug]),
        tip,
        written,
        tip,
        term.name,
        term.meaning,
    )


@register.filter
def glossary_terms(text: str) -> SafeString:
    """``text`` escaped, with every glossary term in it marked and explained on hover or focus."""
    return annotate(str(text or ""), render_term)


RESUME_SHOWN_CHARS = 100_000  # characters of a résumé shown marked up on the decoder page
RESUME_MARKS = 500  # mentions marked at most


@register.filter
def resume_terms(text: str) -> SafeString:
    """A résumé's first ``RESUME_SHOWN_CHARS`` characters, escaped, with terms marked.

    Each term is marked where it first appears in each paragraph, ``RESUME_MARKS`` mentions
    at most, so a long résumé stays a light page; the result counts what was left plain.
    """
    return annotate(
        str(text or "")[:RESUME_SHOWN_CHARS],
        render_term,
        once_per_paragraph=True,
        limit=RESUME_MARKS,
    )
