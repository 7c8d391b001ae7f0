"""The dashboard and the question bank."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..forms import BankFilterForm
from ..models import Interview, Question
from ..roles import RECRUITER, has_role


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show the signed-in user's home page: their screenings, and what each of their roles does."""
    context = {}
    if has_role(request.user, RECRUITER):
        mine = (
            Interview.objects.conducted_by(request.user)
            .select_related("candidate", "position")
            .with_progress()
        )
        context["in_progress"] = list(mine.open().order_by("-created_at")[:20])
        context["submitted"] = list(mine.submitted().order_by("-submitted_at")[:10])
    return render(request, "interviews/dashboard.html", context)


@require_GET
def bank(request: HttpRequest) -> HttpResponse:
    """List the active questions of the bank, filtered by text, area and level.

    An htmx request from the filter form gets only the results region.
    """
    form = BankFilterForm(request.GET or None)
    questions = Question.objects.active().select_related("area")
    if form.is_valid():
        data = form.cleaned_data
        if data["area"]:
            questions = questions.filter(area=data["area"])
        if data["level"]:
            questions = questions.filter(level=data["level"])
        questions = questions.search(data["q"])
    else:
        questions = questions.none() if form.is_bound else questions
    context = {"form": form, "questions": list(questions)}
    template = "interviews/bank.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@require_GET
def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show one question with everything a recruiter needs to ask it and judge the answer."""
    question = get_object_or_404(
        Question.objects.select_related("area").prefetch_related("terms", "kits"), slug=slug
    )
    return render(request, "interviews/question_detail.html", {"question": question})
