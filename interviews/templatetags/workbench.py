"""Template filters for showing ratings and times."""

from django import template

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
