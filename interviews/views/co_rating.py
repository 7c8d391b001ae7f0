"""Co-rating (/interviews/<id>/co-raters/ and /interviews/<id>/co-rating/…): the interviewer
invites co-raters; each rates the screening in their own view of the workbench (same keys, same
autosave), blind, then submits and sees how everyone rated.

The co-rater's workbench is the interviewer's template without the clock, the red flags and the
finish page; their ratings are ``CoRating`` rows changed by ``CoRater`` methods (one locked
transaction each), as the interviewer's are by ``Interview`` methods.
"""

import contextlib

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from glossary.http import render_page_or_partial, vary_on_htmx, wants_fragment

from ..access import can_edit_interview, get_interview_for_viewing
from ..forms import AnswerForm, CoRaterForm
from ..models import (
    CoRater,
    CoRating,
    CoRatingSubmitted,
    InterviewAbandoned,
    InvalidAnswer,
    ShortcutPreference,
)
from ..notifications import person
from ..scorecard import raters
from ..shortcuts import as_json, keys_of, listed
from .interviews import (
    PANEL,
    WORKBENCH,
    RailItem,
    answer_fragment,
    bad_request,
    explain_every_question,
    next_unrated,
    panel_navigation,
    render_parts,
    workbench_urls,
)


@require_http_methods(["GET", "POST"])
def co_raters(request: HttpRequest, pk: int) -> HttpResponse:
    """The screening's co-raters and the form to invite one (GET: a page, or for htmx the
    workbench menu's panel); a POST invites a co-rater (``rater``) or takes an invitation back
    (``withdraw`` = co-rater id), then returns to ``next``.

    For the interviewer and Question-bank admins, while the screening is not abandoned.
    """
    interview = get_interview_for_viewing(request, pk)
    if not can_edit_interview(request.user, interview):
        raise Http404("No interview found.")
    back = request.POST.get("next") or request.GET.get("next") or interview.get_absolute_url()
    if not back.startswith("/") or back.startswith("//"):
        back = interview.get_absolute_url()
    if request.method == "GET":
        context = {
            "interview": interview,
            "co_raters": list(interview.co_raters.select_related("rater")),
            "form": CoRaterForm(interview=interview),
            "next": back,
        }
        return render_page_or_partial(request, "interviews/co_raters.html", context, "panel")
    if "withdraw" in request.POST:
        co_rater = get_object_or_404(interview.co_raters, pk=request.POST["withdraw"])
        try:
            co_rater.withdraw()
            messages.success(request, f"Took back the invitation of {person(co_rater.rater)}.")
        except (ValueError, CoRatingSubmitted) as exc:
            messages.error(request, str(exc))
        return redirect(back)
    form = CoRaterForm(request.POST, interview=interview)
    if form.is_valid():
        try:
            co_rater = CoRater.invite(interview, form.cleaned_data["rater"], by=request.user)
            messages.success(
                request,
                f"Invited {person(co_rater.rater)}: they rate in their own view and see "
                "yours once they submit theirs.",
            )
        except (ValueError, InterviewAbandoned) as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(back)


def _get_co_rater(request: HttpRequest, pk: int) -> CoRater:
    """The signed-in person's invitation to co-rate interview ``pk``.

    Raises:
        Http404: they were not invited (or no such interview).
    """
    return get_object_or_404(
        CoRater.objects.select_related(
            "interview__candidate", "interview__position", "interview__interviewer"
        ),
        interview_id=pk,
        rater=request.user,
    )


def _urls(co_rater: CoRater, number: int) -> dict:
    base = reverse("interviews:co_rating", args=[co_rater.interview_id])
    return workbench_urls(base, number, "submit/")


def _context(co_rater: CoRater, ratings: list[CoRating], number: int) -> dict:
    """What the co-rater's workbench panel and rail show, for question ``number``."""
    if not 1 <= number <= len(ratings):
        raise Http404("No such question in this interview.")
    rail = [RailItem(r.number, r.area_name, r.rating, r.minutes) for r in ratings]
    return {
        **_urls(co_rater, number),
        **panel_navigation(rail, number),
        "co_rater": co_rater,
        "interview": co_rater.interview,
        "current": ratings[number - 1],
        "pacing": {"due_start": 0, "due_end": 0, "left": 0},  # no clock for a co-rater
    }


def _ratings(co_rater: CoRater) -> list[CoRating]:
    return list(co_rater.ratings.select_related("question").order_by("question__number"))


@require_GET
def co_rating(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """The co-rater's view: question ``number`` to rate (without it: the first unrated one),
    or, once they have submitted, how everyone rated."""
    co_rater = _get_co_rater(request, pk)
    if co_rater.is_submitted:
        if number is not None:
            return redirect("interviews:co_rating", pk=pk)
        return render(
            request,
            "interviews/co_rating_results.html",
            raters(co_rater.interview, viewer=co_rater),
        )
    ratings = _ratings(co_rater)
    if number is None:
        first = next((r.number for r in ratings if not r.rating), 1)
        return redirect("interviews:co_rating_question", pk=pk, number=first)
    context = _context(co_rater, ratings, number)
    if wants_fragment(request):
        return vary_on_htmx(render_parts(request, context, *PANEL))
    keys = keys_of(ShortcutPreference.objects.filter(user_id=request.user.pk).first())
    context.update(keys=keys, keys_json=as_json(keys), key_actions=listed(keys))
    explain_every_question(request, ratings)
    return vary_on_htmx(render(request, WORKBENCH, context))


@require_POST
def co_rating_answer(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """Save the co-rater's rating, cues and/or notes of question ``number`` (as the
    interviewer's answer view does, with the same htmx fragments; without ``number`` in the
    URL, the one posted)."""
    co_rater = _get_co_rater(request, pk)
    form = AnswerForm(request.POST, needs_number=number is None)
    if number is None:
        if form.has_error("number"):
            return bad_request(form)
        number = form.cleaned_data["number"]
    if not form.is_valid():
        return HttpResponse(
            " ".join(e for errors in form.errors.values() for e in errors), status=422
        )
    try:
        answer, conflict = co_rater.record_answer(number, **form.changes())
    except CoRating.DoesNotExist as exc:
        raise Http404("No such question in this interview.") from exc
    except InvalidAnswer as exc:
        return HttpResponse(str(exc), status=422)
    except CoRatingSubmitted as exc:
        messages.error(request, str(exc))
        if request.htmx:
            response = HttpResponse(str(exc), status=409)
            response["HX-Redirect"] = co_rater.get_absolute_url()
            return response
        return redirect(co_rater)
    data = form.cleaned_data
    parts = set(data["parts"])
    if not request.htmx:
        target = number
        if "rating" in parts and data["rating"]:
            rail = _context(co_rater, _ratings(co_rater), number)["rail"]
            target = next_unrated(rail, number) or number
        messages.success(request, f"Saved question {number}.")
        return redirect("interviews:co_rating_question", pk=pk, number=target)

    def next_panel(rated: CoRating) -> dict:
        ratings = _ratings(co_rater)
        rail = _context(co_rater, ratings, rated.number)["rail"]
        target = (next_unrated(rail, rated.number) if rated.rating else None) or rated.number
        return _context(co_rater, ratings, target)

    return answer_fragment(
        request,
        answer,
        parts=parts,
        conflict=conflict,
        data=data,
        urls=_urls(co_rater, number),
        next_panel=next_panel,
    )


@require_http_methods(["GET", "POST"])
def co_rating_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm and submit the co-rater's ratings; then show how everyone rated."""
    co_rater = _get_co_rater(request, pk)
    if co_rater.is_submitted:
        return redirect(co_rater)
    ratings = _ratings(co_rater)
    if request.method == "POST":
        with contextlib.suppress(CoRatingSubmitted):  # submitted from another tab meanwhile
            co_rater.submit()
        messages.success(request, "Your ratings are in. Here is how everyone rated.")
        return redirect(co_rater)
    return render(
        request,
        "interviews/co_rating_submit.html",
        {
            "co_rater": co_rater,
            "interview": co_rater.interview,
            "ratings": ratings,
            "unrated": [r for r in ratings if not r.rating],
        },
    )
