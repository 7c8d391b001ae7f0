"""Who gets what: every URL of the project, as every role and as an anonymous visitor.

The URLconf is walked, so a new URL without an expectation here fails the test. Django admin URLs
share one rule (only Question-bank admins get in); every other route has its own row.
"""

import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from interviews.models import Practice
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_interview, make_kit, make_position, make_term, make_user, submit

ROLES = ("anon", "owner", "recruiter", "manager", "other_manager", "bank_admin", "no_role")
# 302 to sign in for visitors; the rest in ROLES order after "anon".
SIGN_IN = 302
SCREENERS = (200, 200, 403, 403, 200, 403)  # recruiters and admins; managers and no role refused
EVERYONE = (200, 200, 200, 200, 200, 200)

# route: (method, which interview, statuses for owner, recruiter, manager, other_manager,
#         bank_admin, no_role). Visitors are always sent to sign in unless "public" is given.
EXPECTED: dict[str, tuple] = {
    "": ("GET", None, EVERYONE),
    "bank/": ("GET", None, EVERYONE),
    "bank/<slug:slug>/": ("GET", None, EVERYONE),
    "candidates/": ("GET", None, SCREENERS),
    "candidates/new/": ("GET", None, SCREENERS),
    "candidates/pick/": ("GET", None, SCREENERS),
    "candidates/<int:pk>/": ("GET", "candidate", SCREENERS),
    "candidates/<int:pk>/edit/": ("GET", "candidate", SCREENERS),
    "positions/": ("GET", None, SCREENERS),
    "positions/new/": ("GET", None, SCREENERS),
    "positions/<int:pk>/edit/": ("GET", "position", SCREENERS),
    "interviews/new/": ("GET", None, SCREENERS),
    "decoder/": ("GET", None, SCREENERS),
    "preferences/": ("GET", None, EVERYONE),
    # Each person's own notifications; marking them read sends back to the list.
    "notifications/": ("GET", None, EVERYONE),
    "notifications/read/": ("POST", None, (302,) * 6),
    "decoder/start/": ("POST", None, (422, 422, 403, 403, 422, 403)),
    # Practice: recruiters and admins, each their own practices only.
    "practice/": ("GET", None, SCREENERS),
    "practice/<int:pk>/": ("GET", "practice", (200, 404, 403, 403, 404, 403)),
    "practice/<int:pk>/answers/<int:number>/": (
        "POST",
        "practice",
        (302, 404, 403, 403, 404, 403),
    ),
    "statistics/questions/": ("GET", None, (403, 403, 403, 403, 200, 403)),
    # Calibration: your own if you rate; managers see who screened for them; admins everyone.
    "calibration/": ("GET", None, (200, 200, 200, 200, 200, 403)),
    "calibration/<int:user_id>/": ("GET", "owner", (200, 404, 200, 404, 200, 404)),
    # The workbench: its interviewer and admins; the position's manager may look, not touch.
    "interviews/<int:pk>/": ("GET", "live", (302, 404, 403, 404, 302, 404)),
    "interviews/<int:pk>/q/<int:number>/": ("GET", "live", (200, 404, 403, 404, 200, 404)),
    "interviews/<int:pk>/q/<int:number>/answer/": ("POST", "live", (422, 404, 403, 404, 422, 404)),
    # The rating buttons' URL: the question's number is posted (400 without one).
    "interviews/<int:pk>/answers/": ("POST", "live", (400, 404, 403, 404, 400, 404)),
    "interviews/<int:pk>/red-flags/": ("POST", "live", (302, 404, 403, 404, 302, 404)),
    "interviews/<int:pk>/clock/": ("POST", "live", (400, 404, 403, 404, 400, 404)),
    "interviews/<int:pk>/finish/": ("GET", "live", (200, 404, 403, 404, 200, 404)),
    "interviews/<int:pk>/abandon/": ("GET", "live", (200, 404, 403, 404, 200, 404)),
    # Co-raters: the interviewer (and admins) invite; only those invited rate (none here; see
    # tests/interviews/test_co_rating.py for a co-rater's own access).
    "interviews/<int:pk>/co-raters/": ("POST", "live", (302, 404, 404, 404, 302, 404)),
    "interviews/<int:pk>/co-rating/": ("GET", "live", (404,) * 6),
    "interviews/<int:pk>/co-rating/q/<int:number>/": ("GET", "live", (404,) * 6),
    "interviews/<int:pk>/co-rating/q/<int:number>/answer/": ("POST", "live", (404,) * 6),
    "interviews/<int:pk>/co-rating/answers/": ("POST", "live", (404,) * 6),
    "interviews/<int:pk>/co-rating/submit/": ("GET", "live", (404,) * 6),
    # Scorecards: interviewer, the position's managers and admins.
    "interviews/<int:pk>/scorecard/": ("GET", "done", (200, 404, 200, 404, 200, 404)),
    "interviews/<int:pk>/scorecard.csv": ("GET", "done", (200, 404, 200, 404, 200, 404)),
    "interviews/<int:pk>/decision/": ("POST", "done", (403, 404, 422, 404, 403, 404)),
    "interviews/<int:pk>/reopen/": ("POST", "done", (422, 404, 403, 404, 422, 404)),
    # A position's review: its managers and admins.
    "positions/<int:pk>/": ("GET", "position", (403, 403, 200, 404, 200, 403)),
    "positions/<int:pk>/review.csv": ("GET", "position", (403, 403, 200, 404, 200, 403)),
    "positions/<int:pk>/compare/": ("GET", "position", (403, 403, 302, 404, 302, 403)),
    # Accounts (allauth). Signed-in people are sent on from the sign-in pages.
    "accounts/login/": ("GET", "public", (302,) * 6, 200),
    "accounts/logout/": ("GET", "public", (200,) * 6, 302),  # a visitor is sent home
    "accounts/inactive/": ("GET", "public", (200,) * 6, 200),
    "accounts/signup/": ("GET", "public", (302,) * 6, 200),
    "accounts/reauthenticate/": ("GET", None, (200,) * 6),
    "accounts/email/": ("GET", None, (200,) * 6),
    "accounts/confirm-email/": ("GET", "public", (200,) * 6, 200),
    "accounts/password/change/": ("GET", None, (200,) * 6),
    "accounts/password/set/": ("GET", None, (302,) * 6),
    "accounts/password/reset/": ("GET", "public", (200,) * 6, 200),
    "accounts/login/code/confirm/": ("GET", "public", (302,) * 6, 302),
    r"accounts/^confirm-email/(?P<key>[-:\w]+)/$": ("GET", "public", (200,) * 6, 200),
    "accounts/password/reset/key/done/": ("GET", "public", (200,) * 6, 200),
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        "GET",
        "public",
        (200,) * 6,
        200,
    ),
    "accounts/password/reset/done/": ("GET", "public", (200,) * 6, 200),
    "favicon.ico": ("GET", "public", (302,) * 6, 302),
    "glossary/": ("GET", None, EVERYONE),
    "glossary/<slug:slug>/": ("GET", "term", EVERYONE),
}

# Every admin URL: visitors to sign in; other roles bounced to the admin's sign-in (which refuses
# them); Question-bank admins get in (a page may still refuse them for lack of a model permission,
# e.g. deleting users, but they are never sent to sign in). The admin's own sign-in page refuses
# signed-in people without the role and sends admins on.
ADMIN_DENIED = 302
ADMIN_LOGIN = "admin/login/"


def sign_in_url(url: str) -> str:
    """Where a visitor asking for ``url`` is sent: the sign-in page, then back."""
    return f"/accounts/login/?{urlencode({'next': url}, safe='/')}"


def routes() -> list[str]:
    """Every route of the project's URLconf, as prefix + pattern text."""
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns)
    return found


def concrete(route: str, objects: dict, which: str | None) -> str:
    """A URL for ``route`` with its parameters filled in from ``objects``."""
    pk = {
        "live": objects["live"].pk,
        "done": objects["done"].pk,
        "position": objects["position"].pk,
        "candidate": objects["candidate"].pk,
        "practice": objects["practice"].pk,
    }.get(which, 1)
    url = route
    for pattern, value in [
        (r"<int:pk>", str(pk)),
        (r"<int:number>", "1"),
        (r"<int:user_id>", str(objects["owner"].pk)),
        (r"<slug:slug>", objects["term_slug"] if which == "term" else objects["question_slug"]),
        (r"<path:object_id>|<path:content_type_id>|<id>", "1"),
        (r"\^\(\?P<app_label>[^)]*\)/\$", "interviews/"),
        (r"\(\?P<url>\.\*\)\$", "no-such-page/"),
        (r"\^confirm-email/\(\?P<key>[^)]*\)/\$", "confirm-email/abc/"),
        (r"\^password/reset/key/.*\$", "password/reset/key/1-abc/"),
    ]:
        url = re.sub(pattern, value, url)
    return "/" + url


@pytest.fixture
def world(db):
    manager = make_user(HIRING_MANAGER, email="manager@example.com")
    owner = make_user(RECRUITER, email="owner@example.com")
    position = make_position(make_kit(2), managers=[manager])
    live = make_interview(owner, position=position)
    done = submit(make_interview(owner, position=position), ["strong", "weak"])
    practice = Practice.objects.create(recruiter=owner, kit_name="Mid-level screen")
    practice.answers.create(
        number=1,
        area_name="Python",
        prompt="Why use a virtual environment?",
        strong="s",
        average="a",
        weak="w",
        transcript="To keep each project's packages apart.",
        engineer_rating="average",
        why="Average. Right idea, no example.",
    )
    return {
        "users": {
            "anon": None,
            "owner": owner,
            "recruiter": make_user(RECRUITER),
            "manager": manager,
            "other_manager": make_user(HIRING_MANAGER),
            "bank_admin": make_user(QUESTION_BANK_ADMIN),
            "no_role": make_user(None),
        },
        "position": position,
        "candidate": live.candidate,
        "live": live,
        "done": done,
        "practice": practice,
        "owner": owner,
        "question_slug": live.questions.first().question.slug,
        "term_slug": make_term("django", name="Django").slug,
    }


def test_every_route_has_an_expectation():
    missing = [r for r in routes() if r not in EXPECTED and not r.startswith("admin/")]

    assert missing == []


def test_access_matrix(world):
    got, wanted = {}, {}
    # One client a role, signed in once: no route here signs anyone out (GET only asks).
    clients = {}
    for role, user in world["users"].items():
        clients[role] = Client()
        if user:
            clients[role].force_login(user)
    for route in routes():
        if route == ADMIN_LOGIN:
            method, which, to_sign_in = "GET", None, False
            expected = dict(zip(ROLES, (302, *(403,) * 4, 302, 403), strict=True))
        elif route.startswith("admin/"):
            method, which, to_sign_in = "GET", None, False
            expected = dict(
                zip(ROLES, (SIGN_IN, *(ADMIN_DENIED,) * 4, "in", ADMIN_DENIED), strict=True)
            )
        else:
            method, which, signed_in, *public = EXPECTED[route]
            anon = public[0] if public else SIGN_IN
            to_sign_in = not public
            expected = dict(zip(ROLES, (anon, *signed_in), strict=True))
        for role, client in clients.items():
            url = concrete(route, world, which)
            response = client.post(url) if method == "POST" else client.get(url)
            status = response.status_code
            if expected[role] == "in":  # an admin: anything but being bounced to sign in
                status = "in" if "/login/" not in response.get("Location", "") else status
            elif role == "anon" and to_sign_in:
                # a visitor is sent to sign in, and comes back to the page afterwards
                status = status if response.get("Location") == sign_in_url(url) else "elsewhere"
            got[(route, role)] = status
            wanted[(route, role)] = expected[role]

    wrong = {key: (got[key], wanted[key]) for key in got if got[key] != wanted[key]}
    assert wrong == {}, "route, role: (got, expected)\n" + "\n".join(
        f"{route!r} {role}: {pair}" for (route, role), pair in sorted(wrong.items())
    )
