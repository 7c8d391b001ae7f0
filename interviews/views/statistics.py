"""Question statistics (/statistics/questions/): how each bank question behaves in screenings,
for Question-bank admins."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import is_bank_admin
from ..statistics import question_statistics


@require_GET
def questions(request: HttpRequest) -> HttpResponse:
    """Every asked question's figures, agreement by area and by pair of raters, and the
    questions to review.

    Raises:
        PermissionDenied: anyone but a Question-bank admin.
    """
    if not is_bank_admin(request.user):
        raise PermissionDenied("Question statistics are for Question-bank admins.")
    context = question_statistics()
    people = get_user_model().objects.in_bulk(
        {pk for first, second, _ in context["pairs"] for pk in (first, second)}
    )
    context["pairs"] = [(people[a], people[b], found) for a, b, found in context["pairs"]]
    return render(request, "interviews/question_statistics.html", context)
