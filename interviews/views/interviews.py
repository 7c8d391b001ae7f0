"""Running an interview (/interviews/…): start it, the workbench, answers, red flags, clock, finish.

Every action works as a plain form post answered by a redirect; with htmx it answers with the
updated part of the workbench instead (the question panel, the cue count, the notes status, the
red flags or the clock), and the progress rail out-of-band. The state changes themselves are
``Interview`` methods (one locked transaction each); these views check input and access, call
one, and render.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import push_url, reswap, retarget

from glossary.http import vary_on_htmx, wants_fragment
from glossary.templatetags.glossary import explain_terms_of

from ..access import get_interview_for_editing, require_screener
from ..forms import (
    AbandonForm,
    AnswerForm,
    ClockForm,
    FinishForm,
    InterviewStartForm,
    RedFlagsForm,
)
from ..models import (
    Interview,
    InterviewClosed,
    InterviewQuestion,
    InvalidAnswer,
    Rating,
    RedFlag,
    ShortcutPreference,
)
from ..scorecard import record_context
from ..shortcuts import DEFAULT_KEYS, as_json, keys_of, listed
from ..templatetags.workbench import RATING_SYMBOLS

WORKBENCH = "interviews/workbench.html"
# A question panel as a fragment: the panel itself, then the parts of the answer form (which
# stays on the page) that differ from question to question, swapped out-of-band.
PANEL = ("panel", "cue-count", "answer-cues", "notes-field", "follow-ups")


def rejects_closed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer a change to a submitted or abandoned interview with 409 and a pointer to where
    it is shown now (its summary, or the candidate's interviews)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except InterviewClosed as exc:
            message = str(exc)
            summary = exc.interview.get_absolute_url()
            messages.error(request, message)
            if request.htmx:
                response = HttpResponse(message, status=409, content_type="text/plain")
                response["HX-Redirect"] = summary
                return response
            return redirect(summary, permanent=False)

    return wrapper


def bad_request(form) -> HttpResponse:
    """A 400 naming what is wrong, for values no page of the app sends (hand-made requests)."""
    text = " ".join(error for errors in form.errors.values() for error in errors)
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "POST"])
def interview_new(request: HttpRequest) -> HttpResponse:
    """Start an interview: choose candidate, position and kit; the kit's questions are copied."""
    require_screener(request)
    initial = {key: request.GET.get(key) for key in ("candidate", "position") if key in request.GET}
    form = InterviewStartForm(request.POST or None, initial=initial, user=request.user)
    if "find" in request.POST:  # the candidate search, without JavaScript: show the matches
        form = InterviewStartForm(initial=request.POST.dict(), user=request.user)
    elif request.method == "POST" and form.is_valid():
        start_now = request.POST.get("when") != "later"
        kit = form.cleaned_data["kit"]
        interview = Interview.objects.start(
            interviewer=request.user,
            candidate=form.cleaned_data["candidate"],
            position=form.cleaned_data["position"],
            kit=kit,
            questions=[
                kq.question
                for kq in kit.kit_questions.select_related("question__area").order_by("number")
            ],
            start_now=start_now,
        )
        if not start_now:
            messages.success(
                request,
                f"Prepared the interview of {interview.candidate}. The clock starts when you do.",
            )
        return redirect(interview.get_absolute_url())
    return render(request, "interviews/interview_new.html", {"form": form})


@dataclass(frozen=True)
class RailItem:
    """One question in the progress rail: its number, area, rating and usual minutes."""

    number: int
    area_name: str
    rating: str
    minutes: int = 0

    @property
    def symbol(self) -> str:
        """The rating's symbol (never colour alone)."""
        return RATING_SYMBOLS.get(self.rating, "○")

    @property
    def label(self) -> str:
        """The rating in words, or "not rated"."""
        return Rating(self.rating).label if self.rating else "not rated"


# The rating buttons, in order, with their symbol and the shortcut that presses them.
RATING_BUTTONS = [
    {
        "value": value,
        "label": label,
        "symbol": RATING_SYMBOLS[value],
        "action": action,
        "key": DEFAULT_KEYS[action],
    }
    for value, label, action in [
        (Rating.STRONG, "Strong", "rate-strong"),
        (Rating.AVERAGE, "Average", "rate-average"),
        (Rating.WEAK, "Weak", "rate-weak"),
        (Rating.SKIPPED, "Skip", "skip"),
    ]
]


def pace_text(elapsed: int, budget: int, due_start: int, due_end: int, left: int) -> str:
    """How the call is doing against the kit's budget, in a few words.

    Args:
        elapsed: seconds on the clock.
        budget: the budget in minutes.
        due_start, due_end: when, in seconds, the current question is due to start and end if
            every question takes its usual minutes.
        left: questions not rated yet.

    Returns:
        E.g. "on time", "2 min behind", "3 min ahead", "3 questions left, 5 min over".
    """
    if budget and elapsed > budget * 60:
        over = (elapsed - budget * 60 + 59) // 60
        return f"{left} question{'s' if left != 1 else ''} left, {over} min over"
    if elapsed > due_end:
        return f"{(elapsed - due_end + 59) // 60} min behind"
    if elapsed < due_start - 60:
        return f"{(due_start - elapsed) // 60} min ahead"
    return "on time"


def next_unrated(rail: list[RailItem], number: int) -> int | None:
    """The first unrated question after ``number`` (wrapping round), or None if all are rated."""
    unrated = [item.number for item in rail if not item.rating]
    return next((n for n in unrated if n > number), unrated[0] if unrated else None)


def _rail(interview: Interview) -> list[RailItem]:
    """The rail's items, without loading the questions' texts (one small query)."""
    return [
        RailItem(*row)
        for row in interview.questions.order_by("number").values_list(
            "number", "area_name", "rating", "minutes"
        )
    ]


def _pacing(rail: list[RailItem], number: int) -> dict:
    """When question ``number`` is due to start and end (seconds), and how many are unrated."""
    due_start = sum(item.minutes for item in rail if item.number < number) * 60
    minutes = next((item.minutes for item in rail if item.number == number), 0)
    left = sum(1 for item in rail if not item.rating)
    return {"due_start": due_start, "due_end": due_start + minutes * 60, "left": left}


def workbench_urls(base: str, number: int, finish: str) -> dict:
    """A workbench's links for question ``number``, built once instead of per link.

    Args:
        base: the workbench's own URL (the interviewer's or a co-rater's), ending in ``/``.
        number: the question shown.
        finish: the last step's path under ``base`` (``finish/`` or ``submit/``).

    Returns:
        The context entries ``question_base``, ``answer_url`` (this question's), ``answers_url``
        (any question's, given its ``number``: the rating buttons, which stay on the page) and
        ``finish_url``.
    """
    return {
        "question_base": f"{base}q/",
        "answer_url": f"{base}q/{number}/answer/",
        "answers_url": f"{base}answers/",
        "finish_url": f"{base}{finish}",
    }


def _urls(interview: Interview, number: int) -> dict:
    """The interviewer's workbench links: a co-rater's, plus the clock and the red flags."""
    base = reverse("interviews:workbench", args=[interview.pk])
    return {
        **workbench_urls(base, number, "finish/"),
        "clock_url": f"{base}clock/",
        "flags_url": f"{base}red-flags/",
    }


def panel_navigation(rail: list[RailItem], number: int) -> dict:
    """The parts of a panel's context that come from the rail: progress, where Previous, Next
    and the next unrated question lead, and the rating buttons (both workbenches)."""
    total = len(rail)
    return {
        "rail": rail,
        "total": total,
        "rated_total": sum(1 for item in rail if item.rating),
        "next_unrated": next_unrated(rail, number),
        "previous_number": number - 1 if number > 1 else None,
        "next_number": number + 1 if number < total else None,
        "rating_buttons": RATING_BUTTONS,
        "keys": {"enabled": True, "keys": DEFAULT_KEYS},  # the page puts the person's own
    }


def _panel_context(interview: Interview, current: InterviewQuestion, rail: list[RailItem]) -> dict:
    """What the question panel and the rail's progress show, for question ``current``."""
    return {
        **_urls(interview, current.number),
        **panel_navigation(rail, current.number),
        "interview": interview,
        "current": current,
        "pacing": _pacing(rail, current.number),
    }


def explain_every_question(request: HttpRequest, questions) -> None:
    """Put on the workbench page the tooltips of every glossary term in any of its questions.

    The panel swapped in for another question (Next, a rating) then brings none of its own,
    instead of repeating the same tooltips with every rating. Keep the texts in step with what
    the panel marks (``workbench.html``, ``_answer_patterns.html``, ``_follow_up.html``).

    Args:
        request: the request rendering the whole page.
        questions: the interview's questions (``InterviewQuestion`` or ``CoRating``).
    """
    explain_terms_of(
        request,
        (
            text
            for q in questions
            for text in (q.prompt, q.probes, q.hypothetical, q.strong, q.average, q.weak)
            + tuple(follow_up.get("ask", "") for follow_up in q.follow_ups)
        ),
    )


def _workbench_context(request: HttpRequest, interview: Interview, number: int) -> dict:
    """Everything the whole workbench page shows, in a fixed number of queries.

    Raises:
        Http404: no question ``number`` in this interview.
    """
    user = request.user
    questions = list(interview.questions.all())
    if not 1 <= number <= len(questions):
        raise Http404("No such question in this interview.")
    explain_every_question(request, questions)
    rail = [RailItem(q.number, q.area_name, q.rating, q.minutes) for q in questions]
    context = _panel_context(interview, questions[number - 1], rail)
    flagged = {f.red_flag_id: f for f in interview.red_flags.all()}
    keys = keys_of(ShortcutPreference.objects.filter(user_id=user.pk).first())
    elapsed = interview.elapsed()
    context.update(
        red_flags=[(flag, flagged.get(flag.pk)) for flag in RedFlag.objects.all()],
        flag_total=len(flagged),
        elapsed=elapsed,
        pace=pace_text(elapsed, interview.budget_minutes, **context["pacing"]),
        keys=keys,
        keys_json=as_json(keys),
        key_actions=listed(keys),
        co_rater_total=interview.co_raters.count(),
        co_raters_url=reverse("interviews:co_raters", args=[interview.pk]),
    )
    return context


def render_parts(
    request: HttpRequest, context: dict, *parts: str, status: int = 200, all_oob: bool = False
) -> HttpResponse:
    """Render the workbench's partials; every part after the first is swapped out-of-band.

    ``all_oob`` makes the first one out-of-band too, for requests that swap nothing themselves.
    A part may be given as ``(name, extra context)``. Parts are rendered with ``fragment`` set:
    what stays on the page from question to question (the rating buttons, the hint, the answer
    form) is then an empty element that htmx replaces with the page's own (``hx-preserve``),
    and glossary marks name no tooltip (``app.js`` adds it).
    """
    html = []
    for index, part in enumerate(parts):
        name, extra = part if isinstance(part, tuple) else (part, {})
        html.append(
            render_to_string(
                f"{WORKBENCH}#{name}",
                {**context, **extra, "oob": all_oob or index > 0, "fragment": True},
                request=request,
            )
        )
    return HttpResponse("".join(html), status=status)


@require_GET
def workbench(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """Show question ``number`` of the interview (without it: the first unrated question).

    An htmx request (the rail, Previous, Next) gets only the question panel.
    """
    try:
        interview = get_interview_for_editing(request, pk)
    except InterviewClosed as exc:
        return redirect(exc.interview.get_absolute_url())
    if number is None:
        first_unrated = interview.questions.filter(rating="").order_by("number").first()
        return redirect(
            "interviews:question", pk=pk, number=first_unrated.number if first_unrated else 1
        )
    if wants_fragment(request):
        rail = _rail(interview)
        current = interview.questions.filter(number=number).first()
        if current is None:
            raise Http404("No such question in this interview.")
        return vary_on_htmx(render_parts(request, _panel_context(interview, current, rail), *PANEL))
    return vary_on_htmx(render(request, WORKBENCH, _workbench_context(request, interview, number)))


@require_POST
@rejects_closed
def answer(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """Save the rating, cues heard and/or notes of question ``number`` (without it in the URL:
    the ``number`` posted, as the rating buttons do; 400 if there is none).

    ``parts`` in the form says which of them are sent (all, without JavaScript). Notes carry the
    version they were based on: if another tab saved newer notes since, nothing is overwritten
    and the interviewer is shown both (409) unless they chose to overwrite.
    """
    interview = get_interview_for_editing(request, pk, people=False)
    form = AnswerForm(request.POST, needs_number=number is None)
    if number is None:
        if form.has_error("number"):
            return bad_request(form)
        number = form.cleaned_data["number"]
    if not form.is_valid():
        return _answer_invalid(request, interview, number, form.errors.values())
    try:
        question, conflict = interview.record_answer(number, **form.changes())
    except InterviewQuestion.DoesNotExist as exc:
        raise Http404("No such question in this interview.") from exc
    except InvalidAnswer as exc:
        return _answer_invalid(request, interview, number, [[str(exc)]])
    data = form.cleaned_data
    parts = set(data["parts"])
    if request.htmx:
        return answer_fragment(
            request,
            question,
            parts=parts,
            conflict=conflict,
            data=data,
            urls=_urls(interview, question.number),
            next_panel=_next_panel(interview),
        )
    if conflict:
        context = _workbench_context(request, interview, number)
        context.update(conflict=True, my_notes=data["notes"], posted_version=data["notes_version"])
        return render(request, WORKBENCH, context, status=409)
    messages.success(request, f"Saved question {number}.")
    target = number
    if "rating" in parts and data["rating"]:
        target = next_unrated(_rail(interview), number) or number
    return redirect("interviews:question", pk=pk, number=target)


def answer_fragment(
    request: HttpRequest,
    answer,
    *,
    parts: set[str],
    conflict: bool,
    data: dict,
    urls: dict,
    next_panel: Callable[[object], dict],
) -> HttpResponse:
    """The htmx answer to a save: only what changed on screen (the interviewer's and a
    co-rater's workbench alike).

    A rating: the next unrated question's panel (``PANEL``), the rated question's rail entry
    and the progress (out-of-band). Notes: their status. Cues: the count heard (out-of-band).

    Args:
        request: the save.
        answer: the saved answer (``InterviewQuestion`` or ``CoRating``).
        parts: which of rating, cues and notes were sent.
        conflict: the notes were newer elsewhere and not saved.
        data: the answer form's cleaned data.
        urls: the workbench's links for the answer's question.
        next_panel: given the rated answer, the panel context (with ``rail`` and ``current``)
            of the question to show next: the next unrated one, else the same.
    """
    if "notes" in parts and "rating" not in parts:
        context = {
            **urls,
            "current": answer,
            "conflict": conflict,
            "my_notes": data["notes"],
            "posted_version": data["notes_version"],
        }
        return render_parts(request, context, "notes-status", status=409 if conflict else 200)
    if "rating" not in parts:
        return render_parts(request, {"current": answer}, "cue-count", all_oob=True)
    context = next_panel(answer)
    current = context["current"]
    if current.number != answer.number:
        context["just_rated"] = answer
    rated = context["rail"][answer.number - 1]
    response = render_parts(
        request, context, *PANEL, ("rail-item", {"item": rated}), "rail-progress"
    )
    push_url(response, f"{context['question_base']}{current.number}/")
    return response


def _next_panel(interview: Interview) -> Callable[[InterviewQuestion], dict]:
    """For ``answer_fragment``: the interviewer's panel after rating a question."""

    def panel(question: InterviewQuestion) -> dict:
        rail = _rail(interview)
        target = next_unrated(rail, question.number) if question.rating else None
        current = question
        if target and target != question.number:
            current = interview.questions.get(number=target)
        return _panel_context(interview, current, rail)

    return panel


def _answer_invalid(request, interview, number, errors) -> HttpResponse:
    """Bad input: say what is wrong, next to the notes (htmx) or on the page; change nothing."""
    messages_ = [e for field_errors in errors for e in field_errors]
    if request.htmx:
        current = interview.questions.filter(number=number).first()
        if current is None:
            raise Http404("No such question in this interview.")
        context = {**_urls(interview, number), "current": current, "answer_errors": messages_}
        response = render_parts(request, context, "notes-status", status=422)
        # A rating targets the panel; the message belongs next to the notes whatever was sent.
        return reswap(retarget(response, "#notes-status"), "outerHTML")
    context = _workbench_context(request, interview, number)
    context["answer_errors"] = messages_
    return render(request, WORKBENCH, context, status=422)


@require_POST
@rejects_closed
def red_flags(request: HttpRequest, pk: int) -> HttpResponse:
    """Set which red flags are ticked (the whole set, each with an optional note)."""
    interview = get_interview_for_editing(request, pk)
    form = RedFlagsForm(request.POST, red_flags=list(RedFlag.objects.all()))
    if form.has_error("number"):
        return bad_request(form)
    if form.is_valid():
        flag_total = interview.set_red_flags(form.chosen())
    else:
        flag_total = interview.red_flags.count()
        if not request.htmx:
            messages.error(
                request,
                "Red flags not saved: "
                + "; ".join(e for errors in form.errors.values() for e in errors),
            )
    if request.htmx:
        # The badge is all that changes on screen; it needs only the count.
        return render_parts(
            request,
            {"flag_total": flag_total},
            "flag-count",
            status=200 if form.is_valid() else 422,
            all_oob=True,
        )
    if form.is_valid():
        messages.success(request, "Red flags saved.")
    return redirect("interviews:question", pk=pk, number=form.cleaned_data.get("number") or 1)


@require_POST
@rejects_closed
def clock(request: HttpRequest, pk: int) -> HttpResponse:
    """Pause or resume the interview clock (``action`` = "pause" or "resume")."""
    interview = get_interview_for_editing(request, pk)
    form = ClockForm(request.POST)
    if not form.is_valid():
        return bad_request(form)
    if form.cleaned_data["action"] == "pause":
        interview.pause()
    else:
        interview.resume()
    number = form.cleaned_data["number"] or 1
    if request.htmx:
        rail = _rail(interview)
        pacing = _pacing(rail, number)
        elapsed = interview.elapsed()
        context = {
            **_urls(interview, number),
            "interview": interview,
            "current": {"number": number},
            "elapsed": elapsed,
            "pace": pace_text(elapsed, interview.budget_minutes, **pacing),
        }
        return render_parts(request, context, "timer")
    return redirect("interviews:question", pk=pk, number=number)


@require_http_methods(["GET", "POST"])
@rejects_closed
def finish(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the recommendation and summary, then submit: the interview becomes read-only."""
    interview = get_interview_for_editing(request, pk)
    form = FinishForm(request.POST or None, instance=interview)
    if request.method == "POST" and form.is_valid():
        interview.submit(
            recommendation=form.cleaned_data["recommendation"],
            summary=form.cleaned_data["summary"],
            by=request.user,
        )
        messages.success(request, f"Submitted the interview of {interview.candidate}.")
        return redirect("interviews:scorecard", pk=pk)
    context = record_context(interview)
    context.update(form=form, elapsed=interview.elapsed())
    context["unrated"] = [q for q in context["questions"] if not q.rating]
    return render(request, "interviews/finish.html", context)


@require_http_methods(["GET", "POST"])
@rejects_closed
def abandon(request: HttpRequest, pk: int) -> HttpResponse:
    """Abandon a prepared or in-progress interview, with a reason: its clock stops, it leaves
    the dashboards and never reaches the review; the candidate's page keeps it."""
    interview = get_interview_for_editing(request, pk)
    form = AbandonForm(request.POST or None)
    if request.method == "POST" and interview.submitted_at is None and form.is_valid():
        reason = form.reason_text()
        interview.abandon(reason=reason, by=request.user)
        messages.success(
            request,
            f"Abandoned the interview of {interview.candidate} ({reason}). It stays in their "
            "history and is not part of any review.",
        )
        return redirect("interviews:candidate_detail", pk=interview.candidate_id)
    context = {"interview": interview, "form": form, "elapsed": interview.elapsed()}
    return render(request, "interviews/abandon.html", context, status=422 if form.errors else 200)
