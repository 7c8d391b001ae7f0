"""Template context shared by every page."""

from django.http import HttpRequest

from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER, roles_of


def roles(request: HttpRequest) -> dict[str, object]:
    """Give templates the signed-in user's roles.

    Returns:
        ``user_roles`` (list of role names) and the booleans ``is_recruiter``,
        ``is_hiring_manager`` and ``is_bank_admin``. Costs one query per request at most
        (the roles are cached on the user object).
    """
    user = getattr(request, "user", None)
    if user is None:
        return {"user_roles": []}
    held = roles_of(user)
    return {
        "user_roles": held,
        "is_recruiter": RECRUITER in held,
        "is_hiring_manager": HIRING_MANAGER in held,
        "is_bank_admin": QUESTION_BANK_ADMIN in held,
    }
