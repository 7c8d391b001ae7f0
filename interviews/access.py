"""Who may see and change what: one helper per object kind; views call them first.

Each helper returns the object or raises ``Http404`` (the object does not exist, or the user has
no business knowing it does) or ``PermissionDenied`` (the user can see it but not do this).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Candidate, Interview, Position
from .roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER, has_role


class InterviewSubmitted(Exception):
    """Raised when a change is attempted on a submitted (read-only) interview."""

    def __init__(self, interview: Interview):
        self.interview = interview
        super().__init__("This interview was submitted and can no longer be changed.")


def require_screener(request: HttpRequest) -> None:
    """Allow recruiters and Question-bank admins (who run and manage screenings).

    Raises:
        PermissionDenied: for anyone else.
    """
    if not (has_role(request.user, RECRUITER) or has_role(request.user, QUESTION_BANK_ADMIN)):
        raise PermissionDenied("Only recruiters and Question-bank admins can do this.")


def get_candidate_for_editing(request: HttpRequest, pk: int) -> Candidate:
    """Return the candidate for a recruiter or admin to see and edit (candidates are shared)."""
    require_screener(request)
    return get_object_or_404(Candidate, pk=pk)


def get_position_for_editing(request: HttpRequest, pk: int) -> Position:
    """Return the position for a recruiter or admin to edit."""
    require_screener(request)
    return get_object_or_404(Position, pk=pk)


def _interview(pk: int) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related("candidate", "position", "interviewer"), pk=pk
    )


def get_interview_for_viewing(request: HttpRequest, pk: int) -> Interview:
    """Return the interview for its interviewer, an admin, or a hiring manager of its position.

    Raises:
        Http404: for anyone else, and for an unknown ``pk``.
    """
    interview = _interview(pk)
    user = request.user
    if interview.interviewer_id == user.pk or has_role(user, QUESTION_BANK_ADMIN):
        return interview
    if (
        has_role(user, HIRING_MANAGER)
        and interview.position.hiring_managers.filter(pk=user.pk).exists()
    ):
        return interview
    raise Http404("No interview found.")


def get_interview_for_editing(request: HttpRequest, pk: int) -> Interview:
    """Return an in-progress interview for its interviewer (or a Question-bank admin) to change.

    Raises:
        Http404: unknown ``pk``, or a user who may not even see the interview.
        PermissionDenied: a user who may see it (a hiring manager) but not change it.
        InterviewSubmitted: the interview is submitted and so read-only.
    """
    interview = get_interview_for_viewing(request, pk)
    if not (
        interview.interviewer_id == request.user.pk or has_role(request.user, QUESTION_BANK_ADMIN)
    ):
        raise PermissionDenied("Only the interviewer can change this interview.")
    if interview.is_submitted:
        raise InterviewSubmitted(interview)
    return interview


def get_interview_for_deciding(request: HttpRequest, pk: int) -> Interview:
    """Return a submitted interview for a hiring manager of its position to decide on.

    Raises:
        Http404: unknown ``pk``, a user who may not see it, or an interview not yet submitted.
        PermissionDenied: a user who may see it but is not a hiring manager of the position.
    """
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        raise Http404("Only submitted interviews can be decided on.")
    if not (request.user.is_superuser or manages(request.user, interview.position)):
        raise PermissionDenied("Only a hiring manager of this position can decide.")
    return interview


def get_interview_for_reopening(request: HttpRequest, pk: int) -> Interview:
    """Return a submitted interview for its interviewer (or a Question-bank admin) to reopen.

    Raises:
        Http404: unknown ``pk``, a user who may not see it, or an interview not submitted.
        PermissionDenied: a user who may see it but did not run it.
    """
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        raise Http404("Only a submitted interview can be reopened.")
    if not (
        interview.interviewer_id == request.user.pk or has_role(request.user, QUESTION_BANK_ADMIN)
    ):
        raise PermissionDenied("Only the interviewer or a Question-bank admin can reopen it.")
    return interview


def manages(user, position: Position) -> bool:
    """True when ``user`` is one of the position's hiring managers."""
    return has_role(user, HIRING_MANAGER) and position.hiring_managers.filter(pk=user.pk).exists()


def get_position_for_review(request: HttpRequest, pk: int) -> Position:
    """Return a position for its hiring managers (or a Question-bank admin) to review.

    Raises:
        Http404: unknown ``pk``, or a hiring manager of other positions.
        PermissionDenied: anyone else signed in (recruiters see their own scorecards instead).
    """
    position = get_object_or_404(Position, pk=pk)
    if has_role(request.user, QUESTION_BANK_ADMIN) or manages(request.user, position):
        return position
    if has_role(request.user, HIRING_MANAGER):
        raise Http404("No position found.")
    raise PermissionDenied("Only the position's hiring managers review its candidates.")
