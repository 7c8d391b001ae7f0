"""Scorecards (/interviews/<id>/scorecard/…): the read-only summary of a submitted interview,
its CSV export, the hiring manager's decision, and reopening it."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from glossary.http import render_page_or_partial

from ..access import (
    can_decide,
    can_edit_interview,
    can_reopen_interview,
    get_interview_for_deciding,
    get_interview_for_reopening,
    get_interview_for_viewing,
)
from ..calibration import kit_calibration
from ..exports import CsvResponse
from ..forms import DecisionForm, ReopenForm
from ..models import Decision, Interview, InterviewNotSubmitted
from ..notifications import mark_read
from ..scorecard import changes, raters, record_context
from ..scoring import area_scores, score

SCORECARD = "interviews/scorecard.html"


def _scorecard_context(request: HttpRequest, interview: Interview, **forms) -> dict:
    """Everything the scorecard shows, in a fixed number of queries."""
    context = record_context(interview)
    decision = Decision.objects.filter(interview=interview).select_related("decided_by").first()
    context.update(
        areas=area_scores(context["questions"]),
        score=score(q.rating for q in context["questions"]),
        decision=decision,
        history=changes(interview),
        can_decide=can_decide(request.user, interview),
        can_reopen=can_reopen_interview(request.user, interview),
        decision_form=forms.get("decision_form") or DecisionForm(instance=decision),
        reopen_form=forms.get("reopen_form") or ReopenForm(),
        co_rating=raters(interview) if interview.co_raters.exists() else None,
        # Everyone who may read the scorecard may see its interviewer's calibration.
        interviewer_calibration=kit_calibration(interview.interviewer, interview.kit_name),
    )
    return context


@require_GET
def scorecard(request: HttpRequest, pk: int) -> HttpResponse:
    """The read-only scorecard of a submitted interview, with its decision and history."""
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        if can_edit_interview(request.user, interview):
            return redirect(interview.get_absolute_url())
        if interview.co_raters.filter(rater=request.user).exists():
            return redirect("interviews:co_rating", pk=pk)  # how everyone rated, so far
        raise Http404("This interview is not submitted yet.")
    mark_read(request.user, interview=interview)
    return render(request, SCORECARD, _scorecard_context(request, interview))


SCORECARD_CSV_COLUMNS = ["number", "area", "level", "question", "rating", "cues_heard", "notes"]


@require_GET
def scorecard_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """One scorecard as CSV: a row per question (``SCORECARD_CSV_COLUMNS``)."""
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        raise Http404("This interview is not submitted yet.")
    response = CsvResponse(
        f"{slugify(interview.candidate.name)}-{slugify(interview.position.title)}.csv"
    )
    response.writerow(SCORECARD_CSV_COLUMNS)
    for q in interview.questions.all():
        response.writerow(
            [
                q.number,
                q.area_name,
                q.get_level_display(),
                q.prompt,
                q.get_rating_display() if q.rating else "",
                "; ".join(q.heard_cue_texts),
                q.notes,
            ]
        )
    return response


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Record or change the hiring manager's decision; every change is kept in history."""
    interview = get_interview_for_deciding(request, pk)
    current = Decision.objects.filter(interview=interview).first()
    form = DecisionForm(request.POST, instance=current)
    if not form.is_valid():
        context = _scorecard_context(request, interview, decision_form=form)
        return render_page_or_partial(request, SCORECARD, context, "decision", status=422)
    try:
        decision = interview.decide(
            outcome=form.cleaned_data["outcome"], note=form.cleaned_data["note"], by=request.user
        )
    except InterviewNotSubmitted as exc:
        messages.error(request, str(exc))
        return redirect("interviews:scorecard", pk=pk)
    messages.success(request, f"Decision recorded: {decision.get_outcome_display()}.")
    if request.htmx:
        context = _scorecard_context(request, interview)
        return render_page_or_partial(request, SCORECARD, context, "decision")
    return redirect("interviews:scorecard", pk=pk)


@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Reopen a submitted interview for changes, recording who did it and why."""
    interview = get_interview_for_reopening(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        context = _scorecard_context(request, interview, reopen_form=form)
        return render(request, SCORECARD, context, status=422)
    try:
        interview.reopen(reason=form.cleaned_data["reason"], by=request.user)
    except InterviewNotSubmitted as exc:
        messages.error(request, str(exc))
        return redirect(interview.get_absolute_url())
    messages.success(request, "Reopened. Changes you make now are kept in the scorecard's history.")
    return redirect(interview.get_absolute_url())
