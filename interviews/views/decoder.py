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


def suggest(decoded: DecodedResume, budget: int) -> list[Question]:
    """Bank questions covering the résumé's terms, best first, that fit in ``budget`` minutes.

    A question scores the mentions of its terms in the résumé, plus one per distinct term it
    covers; ties go to the shorter question. Questions are added in that order while they fit.

    Args:
        decoded: the decoded résumé.
        budget: the interview's time budget, in minutes.

    Returns:
        The suggested questions, in the order to ask them (by area, then as ranked).
    """
    counts = decoded.counts()
    candidates = (
        Question.objects.active()
        .filter(terms__in=counts)
        .distinct()
        .select_related("area")
        .prefetch_related("terms")
    )
    scored = []
    for question in candidates:
        covered = [t.pk for t in question.terms.all() if t.pk in counts]
        score = sum(counts[pk] for pk in covered) + len(covered)
        scored.append((-score, question.minutes, question.slug, question))
    chosen, used = [], 0
    for *_, question in sorted(scored, key=lambda item: item[:3]):
        if used + question.minutes <= budget:
            chosen.append(question)
            used += question.minutes
    rank = {question.pk: position for position, question in enumerate(chosen)}
    return sorted(chosen, key=lambda q: (q.area.order, rank[q.pk]))


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
