"""Small factories for test data. Plain functions: the models are simple enough."""

import csv
import io
import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple"
HTMX = {"HX-Request": "true"}  # the header htmx sends with every request it makes
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
        email, email, password, first_name=first_name, is_superuser=superuser, is_staff=superuser
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
        must_hear=f"What {slug} is for.",
        cues=[
            {"kind": "idea", "text": f"{slug} cue one"},
            {"kind": "idea", "text": f"{slug} cue two"},
            {"kind": "evidence", "text": f"{slug} cue three"},
        ],
        follow_ups=[
            {"ask": f"Why {slug}?", "good_if": f"Gives a reason for {slug}.", "weak_if": "Guesses."}
        ],
        active=active,
    )
    question.terms.set(terms)
    return question


def make_kit(size: int = 3, *, slug: str | None = None, minutes: int | None = None):
    """A kit of ``size`` new questions (3 minutes each, 3 cues each), in order."""
    from interviews.models import Kit, KitQuestion

    n = next(_sequence)
    kit = Kit.objects.create(
        slug=slug or f"kit-{n}",
        name=f"Kit {n}",
        level="mid",
        minutes=minutes or size * 3,
        description="A kit for tests.",
    )
    for position in range(1, size + 1):
        question = make_question(f"kit-{n}-q{position}", prompt=f"Kit {n} question {position}?")
        KitQuestion.objects.create(kit=kit, question=question, number=position)
    return kit


def make_position(
    kit=None, *, kit_size: int = 3, managers=(), title: str = "Python developer", is_open=True
):
    """An open position whose default kit is ``kit`` (else a new kit of ``kit_size`` questions)."""
    from interviews.models import Position

    position = Position.objects.create(
        title=title, level="mid", default_kit=kit or make_kit(kit_size), is_open=is_open
    )
    position.hiring_managers.set(managers)
    return position


def make_candidate(name: str = "Jordan Example", **fields):
    """A candidate with an email derived from the name."""
    from interviews.models import Candidate

    email = fields.pop("email", name.lower().replace(" ", ".") + "@example.org")
    return Candidate.objects.create(name=name, email=email, **fields)


def make_interview(
    interviewer=None, *, kit_size: int = 3, position=None, candidate=None, start_now=True
):
    """An interview started the way the app starts one (prepared if not ``start_now``)."""
    from interviews.models import Interview
    from interviews.roles import RECRUITER

    position = position or make_position(kit_size=kit_size)
    kit = position.default_kit
    return Interview.objects.start(
        interviewer=interviewer or make_user(RECRUITER),
        candidate=candidate or make_candidate(),
        position=position,
        kit=kit,
        questions=[kq.question for kq in kit.kit_questions.select_related("question__area")],
        start_now=start_now,
    )


def submit(interview, ratings=(), *, recommendation: str = "advance", notes=(), when=None):
    """Rate ``interview``'s questions in order (``ratings``), then submit it as the app does.

    ``notes`` go on the questions in order. ``when`` is the submission time (default: now).
    Returns the interview.
    """
    from interviews.models import InterviewQuestion

    questions = list(interview.questions.order_by("number"))
    for question, rating in zip(questions, ratings, strict=False):
        question.rating = rating
    for question, note in zip(questions, notes, strict=False):
        question.notes = note
    InterviewQuestion.objects.bulk_update(questions, ["rating", "notes"])
    interview.submit(
        recommendation=recommendation,
        summary=f"Summary of {interview.candidate.name}.",
        by=interview.interviewer,
    )
    if when is not None:
        type(interview).objects.filter(pk=interview.pk).update(submitted_at=when)
        interview.submitted_at = when
    return interview


def hand_built(recruiter, position, name="Sam Candidate"):
    """Six questions over two areas: Python (Strong, Average, Skipped), Data (Weak, Strong, —)."""
    from interviews.models import InterviewQuestion

    interview = make_interview(recruiter, position=position, candidate=make_candidate(name))
    areas = [("Python language", 1)] * 3 + [("Databases & data", 4)] * 3
    for question, (area, order) in zip(interview.questions.order_by("number"), areas, strict=True):
        InterviewQuestion.objects.filter(pk=question.pk).update(area_name=area, area_order=order)
    return submit(
        interview,
        ["strong", "average", "skipped", "weak", "strong", ""],
        notes=["Clear", "", "", "Unsure", "", ""],
    )


def read_csv(response) -> list[list[str]]:
    """The rows of a CSV download (its UTF-8 byte-order mark dropped)."""
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def guidance_texts(question) -> list[str]:
    """Every piece of a question's guidance the recruiter should see on its page: the prompt,
    what it probes, the three answer patterns, what to hear, the cues and the follow-ups."""
    return [
        question.prompt,
        question.probes,
        question.strong,
        question.average,
        question.weak,
        question.must_hear,
        *[cue["text"] for cue in question.cues],
        *[f[key] for f in question.follow_ups for key in ("ask", "good_if", "weak_if")],
    ]
