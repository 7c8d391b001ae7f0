"""Views of the interviews app.

Every view requires a signed-in user: ``LoginRequiredMiddleware`` enforces it project-wide, so a
new view cannot forget it; per-object access is checked in each view.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .forms import BankFilterForm
from .models import Question


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show the signed-in user's home page: what each of their roles does and where to start."""
    return render(request, "interviews/dashboard.html")


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
