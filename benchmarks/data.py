"""Generated data for ``make bench``: one position with 10,000 screenings, and one in progress.

``python benchmarks/data.py`` fills the database named by ``DATABASE_URL`` (migrated and
empty) and prints one JSON line the benchmark reads: the ids and the session cookie to use.
Everything is made with bulk inserts; the screenings go through the same scoring as submitted
ones (``InterviewQuerySet.refresh_review``), so stored fields are what the app would store.
"""

import json
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # noqa: E402
from django.utils import timezone  # noqa: E402

from interviews.models import (  # noqa: E402
    COPIED_FIELDS,
    Candidate,
    Decision,
    Interview,
    InterviewQuestion,
    InterviewRedFlag,
    Kit,
    KitQuestion,
    Position,
    Question,
    RedFlag,
)
from interviews.roles import HIRING_MANAGER, RECRUITER  # noqa: E402

SCREENINGS = int(os.environ.get("BENCH_SCREENINGS", "10000"))
LIVE_QUESTIONS = 30
RATINGS = ["strong", "average", "weak", "skipped"]


def person(email: str, role: str):
    """A user with ``role`` who signs in by ``email``."""
    User = get_user_model()
    user = User.objects.create_user(username=email, email=email, password="bench-password")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def session_for(user) -> tuple[str, str]:
    """A signed-in session for ``user`` and a CSRF secret: (session key, csrf cookie value)."""
    secret = _get_new_csrf_string()
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key, secret


def copies(interview: Interview, questions: list[Question]) -> list[InterviewQuestion]:
    """Unsaved copies of ``questions`` for ``interview``, as starting it would make."""
    return [
        InterviewQuestion.copy_of(question, interview, number)
        for number, question in enumerate(questions, start=1)
    ]


def main() -> None:
    """Generate the data and print what the benchmark needs as one JSON line."""
    random.seed(7)
    call_command("load_default_content", "--if-empty", stdout=open(os.devnull, "w"))  # noqa: SIM115
    recruiters = [person(f"bench-recruiter-{n}@example.com", RECRUITER) for n in range(2)]
    manager = person("bench-manager@example.com", HIRING_MANAGER)
    kit = Kit.objects.get(slug="mid-screen")
    kit_questions = [kq.question for kq in kit.kit_questions.select_related("question__area")]
    position = Position.objects.create(title="Bench position", level="mid", default_kit=kit)
    position.hiring_managers.add(manager)
    flags = list(RedFlag.objects.all())
    now = timezone.now()

    with transaction.atomic():
        candidates = Candidate.objects.bulk_create(
            Candidate(name=f"Bench Candidate {n:05d}", email=f"bench-{n}@example.org")
            for n in range(SCREENINGS)
        )
        interviews = Interview.objects.bulk_create(
            Interview(
                candidate=candidate,
                position=position,
                interviewer=recruiters[n % 2],
                kit=kit,
                kit_name=kit.name,
                budget_minutes=kit.minutes,
                status="submitted",
                started_at=now - timedelta(minutes=n + 40),
                submitted_at=now - timedelta(minutes=n),
                recommendation=random.choice(["advance", "hold", "decline"]),
                summary="Generated for the benchmark.",
            )
            for n, candidate in enumerate(candidates)
        )
        rows = []
        for interview in interviews:
            for question in copies(interview, kit_questions):
                question.rating = random.choice(RATINGS)
                question.cues_heard = [0]
                question.notes = "Clear answer with an example from their last job."
                rows.append(question)
        InterviewQuestion.objects.bulk_create(rows, batch_size=5000)
        InterviewRedFlag.objects.bulk_create(
            InterviewRedFlag(interview=interview, red_flag=flag, name=flag.name)
            for interview in interviews[::7]
            for flag in flags[:2]
        )
        Decision.objects.bulk_create(
            Decision(interview=interview, position=position, outcome="advance", decided_by=manager)
            for interview in interviews[::3]
        )
        Interview.objects.filter(position=position).refresh_review()

        # The live screening: 30 questions (the bank's first 30), nothing rated yet.
        live_kit = Kit.objects.create(
            slug="bench-thirty", name="Bench thirty", level="mid", minutes=120, description="Bench."
        )
        bank = list(Question.objects.select_related("area")[:LIVE_QUESTIONS])
        KitQuestion.objects.bulk_create(
            KitQuestion(kit=live_kit, question=q, number=n) for n, q in enumerate(bank, 1)
        )
    live, done = (
        Interview.objects.start(
            interviewer=recruiters[0],
            candidate=candidate,
            position=position,
            kit=live_kit,
            questions=bank,
        )
        for candidate in candidates[:2]
    )
    InterviewQuestion.objects.filter(interview=done).update(
        rating="average", notes="Solid answer.", cues_heard=[0, 1]
    )
    done.submit(recommendation="hold", summary="Thirty questions asked.", by=recruiters[0])

    # A database in use has its planner statistics and, on PostgreSQL, a visibility map for
    # index-only scans (autovacuum keeps both); one freshly filled in bulk has neither until
    # vacuumed and analysed.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    recruiter_session, recruiter_csrf = session_for(recruiters[0])
    manager_session, manager_csrf = session_for(manager)
    first = live.questions.get(number=1)
    assert set(COPIED_FIELDS) <= {f.name for f in InterviewQuestion._meta.fields}
    print(
        json.dumps(
            {
                "position": position.pk,
                "live": live.pk,
                "live_question": first.pk,
                "scorecard": done.pk,
                "recruiter": {"session": recruiter_session, "csrf": recruiter_csrf},
                "manager": {"session": manager_session, "csrf": manager_csrf},
                "masked_csrf": {
                    "recruiter": _mask_cipher_secret(recruiter_csrf),
                    "manager": _mask_cipher_secret(manager_csrf),
                },
                "screenings": Interview.objects.filter(position=position).count(),
            }
        )
    )


if __name__ == "__main__":
    main()
