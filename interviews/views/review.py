"""Scorecards and the hiring manager's review: decide, reopen, review, compare, export."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from ..access import (
    get_interview_for_deciding,
    get_interview_for_reopening,
    get_interview_for_viewing,
    get_position_for_review,
    manages,
)
from ..filters import ReviewFilter, review_areas, review_queryset
from ..forms import DecisionForm, ReopenForm
from ..models import Decision, Interview, Status
from ..roles import QUESTION_BANK_ADMIN, has_role
from ..scorecard import area_scores, changes, score
from .screening import record_context

SCORECARD = "interviews/scorecard.html"
PAGE_SIZE = 25


def _scorecard_context(request: HttpRequest, interview: Interview, **forms) -> dict:
    """Everything the scorecard shows, in a fixed number of queries."""
    context = record_context(interview)
    decision = Decision.objects.filter(interview=interview).select_related("decided_by").first()
    user = request.user
    context.update(
        areas=area_scores(context["questions"]),
        score=score(q.rating for q in context["questions"]),
        decision=decision,
        history=changes(interview),
        can_decide=user.is_superuser or manages(user, interview.position),
        can_reopen=interview.interviewer_id == user.pk or has_role(user, QUESTION_BANK_ADMIN),
        decision_form=forms.get("decision_form") or DecisionForm(instance=decision),
        reopen_form=forms.get("reopen_form") or ReopenForm(),
    )
    return context


@require_GET
def scorecard(request: HttpRequest, pk: int) -> HttpResponse:
    """The read-only scorecard of a submitted interview, with its decision and history."""
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        if interview.interviewer_id == request.user.pk or has_role(
            request.user, QUESTION_BANK_ADMIN
        ):
            return redirect(interview.get_absolute_url())
        raise Http404("This screening is not submitted yet.")
    return render(request, SCORECARD, _scorecard_context(request, interview))


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Record or change the hiring manager's decision; every change is kept in history."""
    interview = get_interview_for_deciding(request, pk)
    current = Decision.objects.filter(interview=interview).first()
    form = DecisionForm(request.POST, instance=current)
    if not form.is_valid():
        context = _scorecard_context(request, interview, decision_form=form)
        template = f"{SCORECARD}#decision" if request.htmx else SCORECARD
        return render(request, template, context, status=422)
    with transaction.atomic():
        decision = form.save(commit=False)
        decision.interview = interview
        decision.decided_by = request.user
        decision.save()
    messages.success(request, f"Decision recorded: {decision.get_outcome_display()}.")
    if request.htmx:
        context = _scorecard_context(request, interview)
        return render(request, f"{SCORECARD}#decision", context)
    return redirect("interviews:scorecard", pk=pk)


@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Reopen a submitted interview for changes, recording who did it and why."""
    interview = get_interview_for_reopening(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        context = _scorecard_context(request, interview, reopen_form=form)
        return render(request, SCORECARD, context, status=422)
    interview.status = Status.IN_PROGRESS
    interview._change_reason = form.cleaned_data["reason"]
    interview.save()
    messages.success(request, "Reopened. Changes you make now are kept in the scorecard's history.")
    return redirect(interview.get_absolute_url())


def _review(request: HttpRequest, pk: int):
    """The position, its area columns and the filtered, sorted review rows."""
    position = get_position_for_review(request, pk)
    areas = review_areas(position)
    rows = review_queryset(position, [name for _, name in areas]).order_by("-submitted_at")
    filterset = ReviewFilter(request.GET or None, queryset=rows, position=position, areas=areas)
    return position, areas, filterset


@require_GET
def position_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Every candidate screened for a position: scores by area, flags, recommendation, decision."""
    position, areas, filterset = _review(request, pk)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    current_sort = params.pop("sort", [""])[-1]
    context = {
        "position": position,
        "areas": [(key, name, f"area-{slugify(name)}") for key, name in areas],
        "filter": filterset,
        "page": page,
        "rows": [(row, [getattr(row, key) for key, _ in areas]) for row in page],
        "params": params.urlencode(),
        "sort": current_sort,
    }
    template = "interviews/position_review.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


def _csv_response(filename: str) -> tuple[HttpResponse, "csv._writer"]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    return response, csv.writer(response)


REVIEW_CSV_COLUMNS = [
    "candidate",
    "email",
    "interviewer",
    "screened",
    "kit",
    "score",
    "red_flags",
    "recommendation",
    "decision",
    "decision_note",
]


@require_GET
def review_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The review table as CSV: one row per interview, with the same filters and sort.

    Columns: ``REVIEW_CSV_COLUMNS`` then one score column per area (``score: <area>``); scores
    are 1.0–3.0 or empty, dates ISO 8601.
    """
    position, areas, filterset = _review(request, pk)
    response, writer = _csv_response(f"{slugify(position.title)}-review.csv")
    writer.writerow([*REVIEW_CSV_COLUMNS, *[f"score: {name}" for _, name in areas]])
    for row in filterset.qs:
        decision = getattr(row, "decision", None)
        writer.writerow(
            [
                row.candidate.name,
                row.candidate.email,
                row.interviewer.get_full_name() or row.interviewer.email,
                timezone.localtime(row.submitted_at).date().isoformat(),
                row.kit_name,
                _one_decimal(row.score),
                row.red_flag_total,
                row.get_recommendation_display(),
                decision.get_outcome_display() if decision else "",
                decision.note if decision else "",
                *[_one_decimal(getattr(row, key)) for key, _ in areas],
            ]
        )
    return response


def _one_decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


SCORECARD_CSV_COLUMNS = ["number", "area", "level", "question", "rating", "cues_heard", "notes"]


@require_GET
def scorecard_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """One scorecard as CSV: a row per question (``SCORECARD_CSV_COLUMNS``)."""
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        raise Http404("This screening is not submitted yet.")
    response, writer = _csv_response(
        f"{slugify(interview.candidate.name)}-{slugify(interview.position.title)}.csv"
    )
    writer.writerow(SCORECARD_CSV_COLUMNS)
    for q in interview.questions.all():
        heard = [cue for index, cue in enumerate(q.cues) if index in q.cues_heard]
        writer.writerow(
            [
                q.number,
                q.area_name,
                q.get_level_display(),
                q.prompt,
                q.get_rating_display() if q.rating else "",
                "; ".join(heard),
                q.notes,
            ]
        )
    return response


@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Two to four candidates of a position side by side: by area, then question by question."""
    position = get_position_for_review(request, pk)
    try:
        ids = [int(value) for value in request.GET.getlist("interview")]
    except ValueError as exc:
        raise Http404("Unknown interview.") from exc
    chosen = list(
        Interview.objects.filter(pk__in=ids, position=position, status=Status.SUBMITTED)
        .select_related("candidate", "decision")
        .prefetch_related("questions")
    )
    if not 2 <= len(chosen) <= 4 or len(chosen) != len(set(ids)):
        messages.error(request, "Choose two to four screened candidates to compare.")
        return redirect("interviews:position_review", pk=position.pk)
    columns = []
    for interview in chosen:
        questions = list(interview.questions.all())
        columns.append(
            {
                "interview": interview,
                "score": score(q.rating for q in questions),
                "areas": {a.name: a for a in area_scores(questions)},
                "by_question": {q.question_id or f"prompt:{q.prompt}": q for q in questions},
            }
        )
    area_names = sorted({(a.order, a.name) for c in columns for a in c["areas"].values()})
    # Questions asked of at least two of them, in the order they were first asked.
    every_key = dict.fromkeys(key for c in columns for key in c["by_question"])
    shared = [k for k in every_key if sum(k in c["by_question"] for c in columns) >= 2]
    return render(
        request,
        "interviews/compare.html",
        {
            "position": position,
            "columns": columns,
            # Written out in full so Tailwind's scanner sees the classes.
            "grid_class": {2: "md:grid-cols-2", 3: "md:grid-cols-3", 4: "md:grid-cols-4"}[
                len(columns)
            ],
            "area_rows": [
                (name, [c["areas"].get(name) for c in columns]) for _, name in area_names
            ],
            "question_rows": [
                (
                    next(c["by_question"][key] for c in columns if key in c["by_question"]),
                    [(c, c["by_question"].get(key)) for c in columns],
                )
                for key in shared
            ],
        },
    )
