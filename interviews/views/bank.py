"""The question bank (/bank/): the list with its filters, and one page per question."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from glossary.http import render_page_or_partial

from ..forms import BankFilterForm
from ..models import Question


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
    return render_page_or_partial(request, "interviews/bank.html", context, "results")


@require_GET
def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show one question with everything a recruiter needs to ask it and judge the answer."""
    question = get_object_or_404(
        Question.objects.select_related("area").prefetch_related("terms", "kits"), slug=slug
    )
    return render(request, "interviews/question_detail.html", {"question": question})
