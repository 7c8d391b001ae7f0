"""The home page (/): each signed-in person's screenings and what their roles call for."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..models import Decision, Interview, Position, Status
from ..roles import HIRING_MANAGER, RECRUITER, has_role


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
    if has_role(request.user, HIRING_MANAGER):
        context.update(_manager_dashboard(request.user))
    return render(request, "interviews/dashboard.html", context)


def _manager_dashboard(user) -> dict:
    """A hiring manager's positions, interviews awaiting their decision, and latest decisions."""
    submitted = Q(interviews__status=Status.SUBMITTED)
    return {
        "managed_positions": list(
            Position.objects.filter(hiring_managers=user).annotate(
                screened=Count("interviews__candidate", filter=submitted, distinct=True),
                awaiting=Count(
                    "interviews",
                    filter=submitted & Q(interviews__decision__isnull=True),
                    distinct=True,
                ),
            )
        ),
        "awaiting_decision": list(
            Interview.objects.submitted()
            .filter(position__hiring_managers=user, decision__isnull=True)
            .select_related("candidate", "position")
            .order_by("submitted_at")[:20]
        ),
        "latest_decisions": list(
            Decision.objects.filter(interview__position__hiring_managers=user)
            .select_related("interview__candidate", "interview__position", "decided_by")
            .order_by("-decided_at")[:10]
        ),
    }
