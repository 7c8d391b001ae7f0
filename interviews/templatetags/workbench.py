"""Template filters for showing ratings and times."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# Never colour alone: every rating is shown with its word and one of these symbols.
RATING_SYMBOLS = {"strong": "▲", "average": "■", "weak": "▼", "skipped": "–", "": "○"}


@register.filter
def rating_symbol(rating: str) -> str:
    """The symbol of a rating value ("strong" → "▲"); "○" for no rating yet."""
    return RATING_SYMBOLS.get(rating, "○")


@register.filter
def duration(seconds: int | None) -> str:
    """Seconds as ``m:ss`` (or ``h:mm:ss`` from an hour), e.g. 754 → "12:34"."""
    seconds = max(0, int(seconds or 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.simple_tag
def rail_item(item, question_base: str, current_number: int, oob: bool = False) -> SafeString:
    """One entry of the workbench's progress rail: a link to the question, with its rating.

    Rendered in Python rather than as a template partial because the rail repeats it for every
    question of the interview on each page load (a third of the page's rendering time before).

    Args:
        item: the question's ``RailItem`` (number, area name, rating, symbol, label).
        question_base: the URL the question's number is appended to.
        current_number: the question on screen (marked ``aria-current``).
        oob: swap it out-of-band (answering a rating).

    Where it loads its question (the panel, in place, with the URL pushed) is said once, by the
    rail's list, for every entry.
    """
    url = f"{question_base}{item.number}/"
    return format_html(
        '<li id="rail-q-{}"{} class="min-w-0"><a href="{}" class="rail-item"{} hx-get="{}">'
        '<span class="rail-number">{}</span>'
        '<span class="rail-area">{}</span>'
        '<span class="rating-chip rating-{}"><span aria-hidden="true">{}</span>'
        '<span class="sr-only">: {}</span></span></a></li>',
        item.number,
        SafeString(' hx-swap-oob="true"') if oob else "",
        url,
        SafeString(' aria-current="step"') if item.number == current_number else "",
        url,
        item.number,
        item.area_name,
        item.rating or "none",
        item.symbol,
        item.label,
    )
