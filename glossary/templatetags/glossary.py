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
