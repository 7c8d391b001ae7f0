"""Calibration (/calibration/…): how far each person's ratings can be trusted, per kit.

A recruiter sees their own; a hiring manager sees those who screened for their positions; a
Question-bank admin sees everyone who rates.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..access import is_bank_admin, is_screener
from ..calibration import practice_calibration, rating_distribution
from ..roles import HIRING_MANAGER, RECRUITER, has_role


def _people_for(user):
    """The people whose calibration ``user`` may see besides their own (a queryset)."""
    people = get_user_model().objects.filter(is_active=True)
    if is_bank_admin(user):
        return people.filter(
            Q(groups__name=RECRUITER) | Q(practices__isnull=False) | Q(interviews__isnull=False)
        ).distinct()
    if has_role(user, HIRING_MANAGER):
        return people.filter(interviews__position__hiring_managers=user).distinct()
    return people.none()


@require_GET
def calibration_index(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own calibration (if they rate), and the people they may look at.

    Raises:
        PermissionDenied: they neither rate nor manage (no role).
    """
    people = list(
        _people_for(request.user).exclude(pk=request.user.pk).order_by("first_name", "email")
    )
    rates = is_screener(request.user)
    if not rates and not has_role(request.user, HIRING_MANAGER):
        raise PermissionDenied("Calibration is for people who rate or read ratings.")
    context = {"people": people, "person": request.user if rates else None}
    if rates:
        context.update(_person_context(request.user))
    return render(request, "interviews/calibration.html", context)


@require_GET
def calibration_person(request: HttpRequest, user_id: int) -> HttpResponse:
    """One person's calibration, for themselves, admins, and the hiring managers of positions
    they screened for.

    Raises:
        Http404: no such person, or not one the signed-in user may look at.
    """
    if user_id == request.user.pk:
        person = request.user
    else:
        person = get_object_or_404(_people_for(request.user), pk=user_id)
    if person == request.user and not is_screener(person):
        raise Http404("You do not rate screenings.")
    return render(
        request,
        "interviews/calibration.html",
        {"people": [], "person": person, **_person_context(person)},
    )


def _person_context(person) -> dict:
    return {
        "kits": practice_calibration(person),
        "distribution": rating_distribution(person),
        "threshold": settings.CALIBRATED_ALPHA,
        "minimum": settings.CALIBRATION_MIN_RATINGS,
    }
