"""Small factories for test data. Plain functions: the models are simple enough."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)


def make_user(
    role: str | None = None,
    *,
    email: str | None = None,
    password: str = PASSWORD,
    first_name: str = "",
    superuser: bool = False,
):
    """Create an active user who can sign in by email.

    Args:
        role: a role name from ``interviews.roles.ROLES`` to join, or None for no role. The group
            is created if a transactional test flushed the one the migration made.
        email: the address; a unique one is generated when omitted.
        password: the plain-text password to set.
        first_name: shown on the dashboard when set.
        superuser: make the user a superuser.

    Returns:
        The saved user.
    """
    n = next(_sequence)
    email = email or f"user{n}@example.com"
    User = get_user_model()
    user = User.objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first_name,
        is_superuser=superuser,
        is_staff=superuser,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user
