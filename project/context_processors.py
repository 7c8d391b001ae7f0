"""Template context shared by every page."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from interviews.models import Notification
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER, roles_of


def roles(request: HttpRequest) -> dict[str, object]:
    """Give templates the signed-in user's roles, looked up only if a template uses them.

    Returns:
        ``user_roles`` (list of role names) and the booleans ``is_recruiter``,
        ``is_hiring_manager`` and ``is_bank_admin``, each lazy: a fragment that shows none of
        them costs no query; a page that does costs one (the roles are cached on the user).
    """
    user = getattr(request, "user", None)
    if user is None:
        return {"user_roles": []}

    def holds(role: str) -> SimpleLazyObject:
        return SimpleLazyObject(lambda: role in roles_of(user))

    return {
        "user_roles": SimpleLazyObject(lambda: roles_of(user)),
        "is_recruiter": holds(RECRUITER),
        "is_hiring_manager": holds(HIRING_MANAGER),
        "is_bank_admin": holds(QUESTION_BANK_ADMIN),
    }


def notifications(request: HttpRequest) -> dict[str, object]:
    """Give templates ``unread_notifications``: how many of the signed-in person's notifications
    are unread, counted (one query) only if a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        )
    }
