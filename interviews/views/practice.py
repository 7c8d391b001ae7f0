"""Calibration practice (/practice/…): a recruiter rates a kit's practice answers one at a time,
then sees how their ratings compare with the engineer's, and why.

Plain forms answered by redirects (boosted by htmx), so it works without JavaScript; with it, the
person's rating keys rate and the browser can read each answer aloud.
"""

from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..access import require_screener
from ..agreement import agreement, exact_share, mean_difference
from ..calibration import lean_word
from ..forms import PracticeRatingForm, PracticeStartForm
from ..models import Kit, Practice, PracticeAnswer, Rating, ShortcutPreference
from ..shortcuts import as_json, keys_of
from ..templatetags.workbench import RATING_SYMBOLS

RATING_BUTTONS = [
    {"value": value, "label": value.label, "symbol": RATING_SYMBOLS[value], "action": action}
    for value, action in [
        (Rating.STRONG, "rate-strong"),
        (Rating.AVERAGE, "rate-average"),
        (Rating.WEAK, "rate-weak"),
    ]
]


def _practice_kits() -> list[Kit]:
    """Kits whose questions have practice answers, each with ``answer_total`` set."""
    kits = list(Kit.objects.prefetch_related("kit_questions__question"))
    for kit in kits:
        kit.answer_total = sum(len(kq.question.practice_answers) for kq in kit.kit_questions.all())
    return [kit for kit in kits if kit.answer_total]


@require_http_methods(["GET", "POST"])
def practice_list(request: HttpRequest) -> HttpResponse:
    """The kits to practise, and the signed-in person's practices; a POST starts one."""
    require_screener(request)
    form = PracticeStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        practice = Practice.start(recruiter=request.user, kit=form.cleaned_data["kit"])
        return redirect(practice)
    practices = Practice.objects.filter(recruiter=request.user).annotate(
        answer_total=Count("answers"),
        rated=Count("answers", filter=~Q(answers__rating="")),
        matched=Count("answers", filter=Q(answers__rating=F("answers__engineer_rating"))),
    )[:30]
    return render(
        request,
        "interviews/practice_list.html",
        {"kits": _practice_kits(), "practices": practices, "form": form},
        status=422 if form.errors else 200,
    )


def _get_own_practice(request: HttpRequest, pk: int) -> Practice:
    """The practice ``pk`` of the signed-in person.

    Raises:
        PermissionDenied: they are not a recruiter or admin.
        Http404: no such practice, or someone else's.
    """
    require_screener(request)
    return get_object_or_404(Practice, pk=pk, recruiter=request.user)


@require_GET
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The next answer to rate, or, once all are rated, the results."""
    practice = _get_own_practice(request, pk)
    answers = list(practice.answers.all())
    unrated = [answer for answer in answers if not answer.rating]
    if not unrated:
        return render(request, "interviews/practice_results.html", _results(practice, answers))
    keys = keys_of(ShortcutPreference.objects.filter(user=request.user).first())
    return render(
        request,
        "interviews/practice.html",
        {
            "practice": practice,
            "answer": unrated[0],
            "question": unrated[0],  # the copied guidance, for the answer patterns
            "done": len(answers) - len(unrated),
            "total": len(answers),
            "form": PracticeRatingForm(),
            "rating_buttons": [
                {**button, "key": keys["keys"][button["action"]]} for button in RATING_BUTTONS
            ],
            "keys": keys,
            "keys_json": as_json(keys),
        },
    )


@require_POST
def practice_rate(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Record the rating of practice answer ``number``, then go on to the next (or the
    results). A rating once given stands."""
    practice = _get_own_practice(request, pk)
    form = PracticeRatingForm(request.POST)
    if not form.is_valid():
        return redirect(practice)
    try:
        practice.rate(number, form.cleaned_data["rating"])
    except PracticeAnswer.DoesNotExist:
        raise Http404("No such answer in this practice.") from None
    return redirect(practice)


def _results(practice: Practice, answers: list[PracticeAnswer]) -> dict:
    """How the recruiter's ratings compare with the engineer's, overall and by area."""
    pairs = [(a.rating, a.engineer_rating) for a in answers]
    matched, rated = exact_share(pairs)
    lean = mean_difference(pairs)
    areas: dict[str, list] = {}
    for answer in answers:
        areas.setdefault(answer.area_name, [0, 0])
        areas[answer.area_name][0] += answer.matches
        areas[answer.area_name][1] += 1
    groups: list[dict] = []  # the answers to each question, in order
    for answer in answers:
        if not groups or groups[-1]["prompt"] != answer.prompt:
            groups.append({"prompt": answer.prompt, "area": answer.area_name, "answers": []})
        groups[-1]["answers"].append(answer)
    return {
        "practice": practice,
        "answers": answers,
        "questions": groups,
        "matched": matched,
        "rated": rated,
        "percent": round(100 * matched / rated) if rated else 0,
        "lean": lean,
        "lean_word": lean_word(lean),
        "agreement": agreement(
            [{"recruiter": rating, "engineer": engineer} for rating, engineer in pairs]
        ),
        "areas": [(name, hit, total) for name, (hit, total) in areas.items()],
    }
