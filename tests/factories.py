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


def make_area(slug: str = "python", name: str | None = None, order: int = 1):
    """Return the area with ``slug``, creating it (name and description derived) if needed."""
    from glossary.models import Area

    area, _ = Area.objects.get_or_create(
        slug=slug,
        defaults={"name": name or slug.title(), "order": order, "description": f"All {slug}."},
    )
    return area


def make_term(slug: str, *, area=None, name: str | None = None, aliases=()):
    """Create a glossary term with plain placeholder-free text derived from its name."""
    from glossary.models import Term

    name = name or slug.upper()
    return Term.objects.create(
        slug=slug,
        name=name,
        aliases=list(aliases),
        area=area or make_area(),
        meaning=f"{name} explained simply.",
        where_seen=f"Résumés that mention {name}.",
        signals=f"Experience with {name}.",
    )


def make_question(
    slug: str | None = None,
    *,
    area=None,
    level: str = "junior",
    minutes: int = 3,
    prompt: str | None = None,
    terms=(),
    active: bool = True,
):
    """Create a complete question; text fields are derived from the slug."""
    from interviews.models import Question

    slug = slug or f"question-{next(_sequence)}"
    question = Question.objects.create(
        slug=slug,
        area=area or make_area(),
        level=level,
        minutes=minutes,
        prompt=prompt or f"Tell me about {slug}?",
        probes=f"Whether they know {slug}.",
        strong=f"Explains {slug} with an example.",
        average=f"Defines {slug} only.",
        weak=f"Has not heard of {slug}.",
        cues=[f"{slug} cue one", f"{slug} cue two", f"{slug} cue three"],
        follow_ups=[f"Why {slug}?"],
        active=active,
    )
    question.terms.set(terms)
    return question
