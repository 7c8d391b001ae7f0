"""The résumé decoder: what a résumé mentions, in plain English, and an interview aimed at it."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from glossary.decoding import DecodedResume, decode

from ..access import require_screener
from ..forms import MAX_RESUME_CHARS, DecoderForm, StartFromResumeForm
from ..models import Candidate, Interview, Question

DECODER = "interviews/decoder.html"
TAILORED_KIT_NAME = "Tailored from the résumé"


LEVEL_ORDER = {"junior": 0, "mid": 1, "senior": 2}


def suggest(decoded: DecodedResume, budget: int) -> list[Question]:
    """Bank questions aimed at the résumé, at its level, that fit in ``budget`` minutes.

    A question scores the mentions of its terms in the résumé, plus one per distinct term it
    covers, plus 3 when its level is the résumé's estimated level (1 one level away); ties go to
    the shorter question. First each area the résumé is heavy in (a tenth or more of its
    mentions, at least two) gets its best question, heaviest area first; for a résumé that says
    the person led or mentored others, so does working practices. Then the best of the rest are
    added while they fit.

    Args:
        decoded: the decoded résumé.
        budget: the interview's time budget, in minutes.

    Returns:
        The suggested questions, in the order to ask them (by area, then as ranked).
    """
    counts = decoded.counts()
    level = LEVEL_ORDER[decoded.seniority.level if decoded.seniority else "mid"]
    leading = bool(
        decoded.seniority and any("led or taught" in e for e in decoded.seniority.evidence)
    )
    # Scored from plain rows (a question's terms, level, minutes, area), so only the chosen
    # questions are loaded as objects.
    covering: dict[int, list[int]] = {}
    for question_id, term_id in Question.terms.through.objects.filter(
        question__active=True, term_id__in=counts
    ).values_list("question_id", "term_id"):
        covering.setdefault(question_id, []).append(term_id)
    rows = Question.objects.active().values_list("pk", "level", "minutes", "slug", "area__slug")
    if not leading:
        rows = rows.filter(pk__in=covering)
    scored = []
    for pk, question_level, minutes, slug, area in rows:
        if pk not in covering and area != "practices":
            continue
        covered = covering.get(pk, [])
        fit = {0: 3, 1: 1}.get(abs(LEVEL_ORDER[question_level] - level), -2)
        score = sum(counts[term] for term in covered) + len(covered) + fit
        scored.append(((-score, minutes, slug), pk, minutes, area))
    ranked = [(pk, minutes, area) for _, pk, minutes, area in sorted(scored)]
    areas = {item.term.area_id: item.term.area.slug for item in decoded.found}  # loaded with it
    weights = decoded.area_weights()
    total = sum(weights.values()) or 1
    heavy = [
        areas.get(a)
        for a, w in sorted(weights.items(), key=lambda p: -p[1])
        if w >= 2 and w * 10 >= total
    ]
    if leading:
        heavy.append("practices")
    chosen: list[int] = []
    used = 0
    for area in heavy:
        best = next(((pk, m) for pk, m, a in ranked if a == area and pk not in chosen), None)
        if best and used + best[1] <= budget:
            chosen.append(best[0])
            used += best[1]
    for pk, minutes, _area in ranked:
        if pk not in chosen and used + minutes <= budget:
            chosen.append(pk)
            used += minutes
    rank = {pk: position for position, pk in enumerate(chosen)}
    questions = Question.objects.select_related("area").in_bulk(chosen)
    return sorted(questions.values(), key=lambda q: (q.area.order, rank[q.pk]))


@require_http_methods(["GET", "POST"])
def decoder(request: HttpRequest) -> HttpResponse:
    """Paste or upload a résumé; see its terms, what to notice, and suggested questions.

    Nothing is stored: the résumé is kept only if an interview is started from it.
    """
    require_screener(request)
    form = DecoderForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, DECODER, context, status=422)
        decoded = decode(form.cleaned_data["text"])
        budget = form.cleaned_data["budget"]
        suggested = suggest(decoded, budget)
        context.update(
            decoded=decoded,
            suggested=suggested,
            budget=budget,
            minutes=sum(q.minutes for q in suggested),
            start_form=StartFromResumeForm(
                initial={
                    "budget": budget,
                    "questions": suggested,
                    "resume_text": decoded.text[:MAX_RESUME_CHARS],
                }
            ),
        )
    return render(request, DECODER, context)


@require_POST
def start_from_resume(request: HttpRequest) -> HttpResponse:
    """Create (or update) the candidate with the résumé and start an interview on the questions."""
    require_screener(request)
    form = StartFromResumeForm(request.POST, user=request.user)
    valid = form.is_valid()
    if "find" in request.POST:  # the candidate search, without JavaScript: show the matches
        shown = StartFromResumeForm(initial=request.POST.dict(), user=request.user)
        return _show_again(request, shown, form.cleaned_data, status=200)
    if not valid:
        return _show_again(request, form, form.cleaned_data)
    data = form.cleaned_data
    with transaction.atomic():
        candidate = data["candidate"] or Candidate(
            name=data["name"].strip(), email=data["email"], created_by=request.user
        )
        candidate.resume_text = data["resume_text"]
        candidate.save()
        interview = Interview.objects.start(
            interviewer=request.user,
            candidate=candidate,
            position=data["position"],
            questions=form.ordered_questions(),
            kit_name=TAILORED_KIT_NAME,
            budget_minutes=data["budget"],
        )
    return redirect(interview.get_absolute_url())


def _show_again(
    request: HttpRequest, form: StartFromResumeForm, cleaned: dict, status: int = 422
) -> HttpResponse:
    """Show the decoder again with the start ``form`` (and its errors, if bound).

    Only what passed the form's checks (``cleaned``) is used: a résumé over the limit is not
    decoded again, and the questions shown are the valid ones that were ticked.
    """
    budget = cleaned.get("budget") or 30
    text = cleaned.get("resume_text")
    if not text:
        # No usable résumé (missing or over the limit): nothing to decode, say why.
        context = {
            "form": DecoderForm(initial={"budget": budget}),
            "start_errors": form.errors.get("resume_text"),
        }
        return render(request, DECODER, context, status=422)
    decoded = decode(text)
    posted = list(cleaned.get("questions") or [])
    context = {
        "form": DecoderForm(initial={"text": decoded.text, "budget": budget}),
        "decoded": decoded,
        "suggested": posted or suggest(decoded, budget),
        "budget": budget,
        "start_form": form,
    }
    return render(request, DECODER, context, status=status)
