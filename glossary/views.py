"""The glossary pages: every term by area or A–Z, search as you type, one page per term."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .http import render_page_or_partial
from .models import Area, Term


def rank(terms: list[Term], query: str) -> list[Term]:
    """The terms matching ``query``, best first.

    Order: the name or an alias equals the query; the name or an alias starts with it; the name
    or an alias contains it; the meaning contains it. Case is ignored; ties sort by name.

    Args:
        terms: the terms to search.
        query: what was typed; blank returns no terms.
    """
    needle = query.strip().casefold()
    if not needle:
        return []
    scored = []
    for term in terms:
        spellings = [term.name.casefold(), *(a.casefold() for a in term.aliases)]
        if needle in spellings:
            tier = 0
        elif any(s.startswith(needle) for s in spellings):
            tier = 1
        elif any(needle in s for s in spellings):
            tier = 2
        elif needle in term.meaning.casefold():
            tier = 3
        else:
            continue
        scored.append((tier, term.name.casefold(), term))
    return [term for *_, term in sorted(scored, key=lambda item: item[:2])]


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """All terms grouped by area (or A–Z with ``by=az``), or the results of a search ``q``."""
    query = request.GET.get("q", "").strip()[:100]
    by = "az" if request.GET.get("by") == "az" else "area"
    terms = list(Term.objects.select_related("area"))
    context = {
        "query": query,
        "by": by,
        "results": rank(terms, query) if query else None,
        "areas": Area.objects.all(),
        "terms": sorted(terms, key=lambda t: (t.area.order, t.name.casefold()))
        if by == "area"
        else sorted(terms, key=lambda t: t.name.casefold()),
        "total": len(terms),
    }
    return render_page_or_partial(request, "glossary/index.html", context, "results")


@require_GET
def term(request: HttpRequest, slug: str) -> HttpResponse:
    """One term: meaning, where you will see it, what it signals, aliases, related, questions."""
    found = get_object_or_404(
        Term.objects.select_related("area").prefetch_related("related", "related_from"), slug=slug
    )
    # Questions live in the interviews app; the reverse relation reaches them without importing it.
    questions = found.questions.filter(active=True).select_related("area")
    return render(request, "glossary/term.html", {"term": found, "questions": questions})
