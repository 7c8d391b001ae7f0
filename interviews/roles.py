"""The three roles of the workbench, kept as Django auth groups.

A role is a group; what a role may do is the group's model permissions (set by data migrations)
plus the per-object rules in each view's access helper. Superusers can do everything.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

RECRUITER = "Recruiter"
HIRING_MANAGER = "Hiring manager"
QUESTION_BANK_ADMIN = "Question-bank admin"

ROLES = (RECRUITER, HIRING_MANAGER, QUESTION_BANK_ADMIN)

# The model permissions each role's group holds, as "app_label.codename". Kept in sync after every
# `migrate` (see InterviewsConfig.ready), so a new model's permissions only need adding here.
_BANK_MODELS = (
    "glossary.area",
    "glossary.term",
    "interviews.question",
    "interviews.kit",
    "interviews.kitquestion",
    "interviews.redflag",
)
_SCREENING_MODELS = (
    "interviews.position",
    "interviews.candidate",
    "interviews.interview",
    "interviews.interviewquestion",
    "interviews.decision",
    "interviews.interviewredflag",
)


def _perms(models: tuple[str, ...], actions: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    )


_EVERYTHING = ("add", "change", "delete", "view")
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    RECRUITER: (
        *_perms(_BANK_MODELS, ("view",)),
        *_perms(_SCREENING_MODELS, ("add", "change", "view")),
    ),
    HIRING_MANAGER: (
        *_perms(_BANK_MODELS, ("view",)),
        *_perms(_SCREENING_MODELS, ("view",)),
        "interviews.add_decision",
        "interviews.change_decision",
    ),
    QUESTION_BANK_ADMIN: (
        *_perms(_BANK_MODELS, _EVERYTHING),
        *_perms(_SCREENING_MODELS, _EVERYTHING),
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
    ),
}


def roles_of(user: AbstractBaseUser | AnonymousUser) -> list[str]:
    """Return the workbench roles a user holds, in the order of ``ROLES``.

    Args:
        user: any user, signed in or anonymous.

    Returns:
        The role names the user's groups match; a superuser holds every role; an anonymous or
        inactive user holds none. The groups are read once per user object and cached on it.
    """
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return list(ROLES)
    cached = getattr(user, "_workbench_roles", None)
    if cached is None:
        names = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        cached = [role for role in ROLES if role in names]
        user._workbench_roles = cached
    return cached


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    """Tell whether ``user`` holds ``role`` (one of ``ROLES``); superusers hold every role."""
    return role in roles_of(user)


def sync_role_groups(**kwargs: object) -> None:
    """Create the role groups if missing and set their permissions to ``ROLE_PERMISSIONS``.

    Connected to ``post_migrate``; safe to call any number of times. Permissions whose model does
    not exist (yet) are skipped.

    Args:
        **kwargs: the signal's arguments; ``using`` names the database (default "default").
    """
    from django.contrib.auth.models import Group, Permission

    using = kwargs.get("using", "default")
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = Permission.objects.using(using).none()
        for name in names:
            app_label, codename = name.split(".")
            wanted |= Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            )
        group.permissions.set(wanted)
