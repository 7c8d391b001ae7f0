"""Positions (/positions/…): the list, the create/edit form, and the hiring manager's review of
a position's candidates: the table, its CSV export, and comparing candidates side by side."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from glossary.http import render_page_or_partial

from ..access import (
    can_change_hiring_managers,
    get_position_for_editing,
    get_position_for_review,
    require_screener,
)
from ..calibration import calibrations
from ..exports import CsvResponse
from ..filters import ReviewFilter, review_areas, review_queryset
from ..forms import PositionForm
from ..models import Interview, Position, Status
from ..scoring import area_scores, score

PAGE_SIZE = 25
PROMPTNESS_SAMPLE = 200  # the latest screenings whose promptness the review reports


@require_GET
def position_list(request: HttpRequest) -> HttpResponse:
    """List positions, open ones first, with their kit and number of interviews."""
    require_screener(request)
    positions = (
        Position.objects.select_related("default_kit")
        .prefetch_related("hiring_managers")
        .annotate(interview_total=Count("interviews"))
    )
    return render(request, "interviews/position_list.html", {"positions": positions})


@require_http_methods(["GET", "POST"])
def position_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create a position (no ``pk``) or edit one.

    Its hiring managers read its scorecards, so after creation only a Question-bank admin
    changes them (``can_change_hiring_managers``); every change is kept in its history.
    """
    position = get_position_for_editing(request, pk) if pk else None
    if position is None:
        require_screener(request)
    form = PositionForm(
        request.POST or None,
        instance=position,
        with_managers=can_change_hiring_managers(request.user, position),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
        messages.success(request, f"Saved the position {saved.title}.")
        return redirect("interviews:position_list")
    return render(request, "interviews/position_form.html", {"form": form, "position": position})


def _review(request: HttpRequest, pk: int):
    """The position, its area columns and the filtered, sorted review rows.

    Unless sorted by a column, rows are ranked within their kit (best score first): scores
    from different kits are not comparable.
    """
    position = get_position_for_review(request, pk)
    areas = review_areas(position)
    rows = review_queryset(position, [name for _, name in areas]).order_by(
        "kit_name", F("score").desc(nulls_last=True), "-submitted_at"
    )
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
    one_kit = request.GET.get("kit") or len(filterset.kit_totals) < 2
    # Over the latest PROMPTNESS_SAMPLE screenings, so the page costs the same at any size.
    latest = (
        Interview.objects.filter(position=position, status=Status.SUBMITTED)
        .order_by("-submitted_at")
        .values("pk")[:PROMPTNESS_SAMPLE]
    )
    promptness = Interview.objects.filter(pk__in=latest).aggregate(
        submitted=Count("pk"),
        within_a_day=Count(
            "pk", filter=Q(submitted_at__lte=F("started_at") + datetime.timedelta(hours=24))
        ),
    )
    # Whether each row's interviewer is calibrated for its kit (three queries for the page).
    interviewers = {row.interviewer_id: row.interviewer for row in page}
    calibrated = {
        (pk, kit.kit_name)
        for pk, kits in calibrations(interviewers.values()).items()
        for kit in kits
        if kit.calibrated
    }
    context = {
        "position": position,
        "kits": [] if one_kit else filterset.kit_totals,
        "promptness": promptness,
        "promptness_sample": PROMPTNESS_SAMPLE,
        "areas": [(key, name, f"area-{slugify(name)}") for key, name in areas],
        "filter": filterset,
        "page": page,
        "rows": review_rows(page, areas, calibrated, _ticked(request)),
        "params": params.urlencode(),
        "sort": current_sort,
    }
    return render_page_or_partial(request, "interviews/position_review.html", context, "results")


def one_decimal(value: float | None, missing: str = "—") -> str:
    """A score as the review and its CSV show it: one decimal, halves rounded up ("2.5"), or
    ``missing`` if there is none.

    On the page, the same text as the template filter ``floatformat:1|default:"—"``, at a
    fraction of its cost (it runs four times a row).
    """
    if value is None:
        return missing
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def review_rows(
    page, areas: list[tuple[str, str]], calibrated: set[tuple[int, str]], ticked: set[int]
) -> list[dict]:
    """The review table's rows, as the text each cell shows.

    Built here rather than in the template: a page of 50 rows has some 700 cells, and a
    template looks each value up through attribute access and filters at many times the cost.

    Args:
        page: the page of ``review_queryset`` interviews.
        areas: the area columns, as (annotation name, area name).
        calibrated: the (interviewer id, kit name) pairs whose interviewer is calibrated.
        ticked: the ids of interviews ticked for comparing.

    Returns:
        One dict a row: ``pk``, ``url``, ``candidate``, ``kit``, ``score``, ``areas`` (dicts of
        ``name`` and ``score``), ``red_flags``, ``recommendation`` and its ``recommendation_label``,
        ``decision`` and ``decision_label`` (empty if not decided), ``screened``, ``interviewer``,
        ``calibrated`` and ``ticked``.
    """
    rows = []
    for row in page:
        decision = getattr(row, "decision", None)
        interviewer = row.interviewer
        rows.append(
            {
                "pk": row.pk,
                "url": reverse("interviews:scorecard", args=[row.pk]),
                "candidate": row.candidate.name,
                "kit": row.kit_name,
                "score": one_decimal(row.score),
                "areas": [
                    {"name": name, "score": one_decimal(getattr(row, key))} for key, name in areas
                ],
                "red_flags": row.red_flag_total,
                "recommendation": row.recommendation,
                "recommendation_label": row.get_recommendation_display(),
                "decision": decision.outcome if decision else "",
                "decision_label": decision.get_outcome_display() if decision else "",
                "screened": date_format(timezone.localtime(row.submitted_at), "j M Y"),
                "interviewer": interviewer.get_full_name() or interviewer.email,
                "calibrated": (row.interviewer_id, row.kit_name) in calibrated,
                "ticked": row.pk in ticked,
            }
        )
    return rows


def _ticked(request: HttpRequest) -> set[int]:
    """The interviews ticked for comparing, kept when compare sends the manager back."""
    return {int(value) for value in request.GET.getlist("interview") if value.isdigit()}


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
    response = CsvResponse(f"{slugify(position.title)}-review.csv")
    response.writerow([*REVIEW_CSV_COLUMNS, *[f"score: {name}" for _, name in areas]])
    for row in filterset.qs:
        decision = getattr(row, "decision", None)
        response.writerow(
            [
                row.candidate.name,
                row.candidate.email,
                row.interviewer.get_full_name() or row.interviewer.email,
                timezone.localtime(row.submitted_at).date().isoformat(),
                row.kit_name,
                one_decimal(row.score, ""),
                row.red_flag_total,
                row.get_recommendation_display(),
                decision.get_outcome_display() if decision else "",
                decision.note if decision else "",
                *[one_decimal(getattr(row, key), "") for key, _ in areas],
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
    back = reverse("interviews:position_review", args=[position.pk])
    back += "?" + urlencode([("interview", pk) for pk in ids])  # the ticks stay
    if len(set(ids)) > 4:
        messages.error(
            request,
            f"You ticked {len(set(ids))} candidates; compare takes two to four. "
            "Untick some and compare again.",
        )
        return redirect(back)
    chosen = list(
        Interview.objects.filter(pk__in=ids, position=position, status=Status.SUBMITTED)
        .select_related("candidate", "decision")
        .prefetch_related("questions", "red_flags")
    )
    if len(chosen) < 2 or len(chosen) != len(set(ids)):
        messages.error(request, "Choose two to four screened candidates to compare.")
        return redirect(back)
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
            "kits_differ": len({c["interview"].kit_name for c in columns}) > 1,
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
