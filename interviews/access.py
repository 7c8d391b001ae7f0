"""Who may see and change what: one predicate per rule, and one getter per object kind.

Predicates (``can_…``) answer yes or no and are used by views, templates' contexts and tests
alike. Getters (``get_…_for_…``) return the object or raise ``Http404`` (it does not exist, or
the user has no business knowing it does) or ``PermissionDenied`` (the user can see it but not
do this). Views call a getter first.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Candidate, Interview, Position
from .roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER, has_role

# --- Predicates ----------------------------------------------------------------------------------


def is_screener(user) -> bool:
    """Recruiters and Question-bank admins run interviews and manage candidates and positions."""
    return has_role(user, RECRUITER) or has_role(user, QUESTION_BANK_ADMIN)


def is_bank_admin(user) -> bool:
    """Question-bank admins (and superusers) may do everything."""
    return has_role(user, QUESTION_BANK_ADMIN)


def manages(user, position: Position) -> bool:
    """True when ``user`` is one of the position's hiring managers."""
    return has_role(user, HIRING_MANAGER) and position.hiring_managers.filter(pk=user.pk).exists()


def can_view_interview(user, interview: Interview) -> bool:
    """Its interviewer, Question-bank admins, the hiring managers of its position, and its
    co-raters once they have submitted their own ratings (before, they see only their own)."""
    return (
        can_edit_interview(user, interview)
        or manages(user, interview.position)
        or interview.co_raters.filter(rater=user, submitted_at__isnull=False).exists()
    )


def can_edit_interview(user, interview: Interview) -> bool:
    """Its interviewer and Question-bank admins (while it is not submitted)."""
    return interview.interviewer_id == user.pk or is_bank_admin(user)


def can_reopen_interview(user, interview: Interview) -> bool:
    """The same people who may edit it: its interviewer and Question-bank admins."""
    return can_edit_interview(user, interview)


def can_decide(user, interview: Interview) -> bool:
    """Hiring managers of its position, and superusers."""
    return user.is_superuser or manages(user, interview.position)


def can_review_position(user, position: Position) -> bool:
    """The position's hiring managers and Question-bank admins."""
    return is_bank_admin(user) or manages(user, position)


def can_change_hiring_managers(user, position: Position | None) -> bool:
    """Anyone who may create a position names its first hiring managers; after that, only
    Question-bank admins change them (they decide who reads its scorecards)."""
    if position is None or position.pk is None:
        return is_screener(user)
    return is_bank_admin(user)


# --- Getters -------------------------------------------------------------------------------------


def require_screener(request: HttpRequest) -> None:
    """Allow recruiters and Question-bank admins (who run and manage interviews).

    Raises:
        PermissionDenied: for anyone else.
    """
    if not is_screener(request.user):
        raise PermissionDenied("Only recruiters and Question-bank admins can do this.")


def get_candidate_for_editing(request: HttpRequest, pk: int) -> Candidate:
    """Return the candidate for a recruiter or admin to see and edit (candidates are shared)."""
    require_screener(request)
    return get_object_or_404(Candidate, pk=pk)


def get_position_for_editing(request: HttpRequest, pk: int) -> Position:
    """Return the position for a recruiter or admin to edit."""
    require_screener(request)
    return get_object_or_404(Position, pk=pk)


def get_interview_for_viewing(request: HttpRequest, pk: int, *, people: bool = True) -> Interview:
    """Return the interview for its interviewer, an admin, or a hiring manager of its position.

    Args:
        request: the request; its user is checked.
        pk: the interview's id.
        people: load its candidate, position and interviewer in the same query (pages show
            them; a save answering a fragment does not need them).

    Raises:
        Http404: for anyone else, and for an unknown ``pk``.
    """
    interviews = Interview.objects
    if people:
        interviews = interviews.select_related("candidate", "position", "interviewer")
    interview = get_object_or_404(interviews, pk=pk)
    if not can_view_interview(request.user, interview):
        raise Http404("No interview found.")
    return interview


def get_interview_for_editing(request: HttpRequest, pk: int, *, people: bool = True) -> Interview:
    """Return an in-progress interview for its interviewer (or a Question-bank admin) to change.

    The check of "submitted" here is for showing the right page; the change itself checks
    again under the row lock (see ``Interview``'s operations).

    Raises:
        Http404: unknown ``pk``, or a user who may not even see the interview.
        PermissionDenied: a user who may see it (a hiring manager) but not change it.
        InterviewClosed: the interview is submitted or abandoned, and so read-only.
    """
    interview = get_interview_for_viewing(request, pk, people=people)
    if not can_edit_interview(request.user, interview):
        raise PermissionDenied("Only the interviewer can change this interview.")
    interview.ensure_open()
    return interview


def get_interview_for_deciding(request: HttpRequest, pk: int) -> Interview:
    """Return a submitted interview for a hiring manager of its position to decide on.

    Raises:
        Http404: unknown ``pk``, a user who may not see it, or an interview not yet submitted.
        PermissionDenied: a user who may see it but is not a hiring manager of the position.
    """
    return _submitted_interview(
        request, pk, can_decide, "Only a hiring manager of this position can decide."
    )


def get_interview_for_reopening(request: HttpRequest, pk: int) -> Interview:
    """Return a submitted interview for its interviewer (or a Question-bank admin) to reopen.

    Raises:
        Http404: unknown ``pk``, a user who may not see it, or an interview not submitted.
        PermissionDenied: a user who may see it but did not run it.
    """
    return _submitted_interview(
        request,
        pk,
        can_reopen_interview,
        "Only the interviewer or a Question-bank admin can reopen it.",
    )


def _submitted_interview(
    request: HttpRequest, pk: int, allowed: Callable[..., bool], refusal: str
) -> Interview:
    """Interview ``pk`` if submitted and its viewer ``allowed`` to act, else raise ``refusal``."""
    interview = get_interview_for_viewing(request, pk)
    if not interview.is_submitted:
        raise Http404("Only a submitted interview can be decided on or reopened.")
    if not allowed(request.user, interview):
        raise PermissionDenied(refusal)
    return interview


def get_position_for_review(request: HttpRequest, pk: int) -> Position:
    """Return a position for its hiring managers (or a Question-bank admin) to review.

    Raises:
        Http404: unknown ``pk``, or a hiring manager of other positions.
        PermissionDenied: anyone else signed in (recruiters see their own scorecards instead).
    """
    position = get_object_or_404(Position, pk=pk)
    if can_review_position(request.user, position):
        return position
    if has_role(request.user, HIRING_MANAGER):
        raise Http404("No position found.")
    raise PermissionDenied("Only the position's hiring managers review its candidates.")
