"""Concurrent requests on one interview: nothing acknowledged is lost, nothing changes unrecorded.

Each test makes one request ("A") stop at a known point, runs a second request ("B") to the end
(or until the database makes it wait), then lets A finish. Without a row lock around the whole
state change, B's work is overwritten or A's change lands after submission unrecorded.
"""

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from interviews.forms import AnswerForm
from interviews.models import Decision, Interview, InterviewQuestion
from interviews.roles import HIRING_MANAGER
from tests.factories import make_interview, make_kit, make_position, make_user, submit

pytestmark = pytest.mark.django_db(transaction=True)

# How long B is given to run (or to be made to wait by the lock) before A goes on.
HEAD_START = 0.6


@contextmanager
def paused_in_thread_a(owner: type, name: str):
    """Make the first call of ``owner.name`` made by the thread named "A" wait until released.

    Yields:
        ``(reached, release)``: events set when A reaches the call, and to let it go on.
    """
    reached, release = threading.Event(), threading.Event()
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        if threading.current_thread().name == "A" and not reached.is_set():
            reached.set()
            release.wait(timeout=10)
        return original(*args, **kwargs)

    setattr(owner, name, wrapper)
    try:
        yield reached, release
    finally:
        setattr(owner, name, original)
        release.set()


def race(first: Callable, second: Callable, reached: threading.Event, release: threading.Event):
    """Run ``first`` as thread A until it reaches the pause, then ``second`` as B, then release A.

    Returns:
        The two results (responses), in the order given. Exceptions in a thread are re-raised.
    """
    results: dict[str, object] = {}

    def run(name: str, call: Callable) -> None:
        try:
            results[name] = call()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            results[name] = exc
        finally:
            connection.close()

    a = threading.Thread(target=run, args=("A", first), name="A")
    a.start()
    assert reached.wait(timeout=10), "request A never reached the pause"
    b = threading.Thread(target=run, args=("B", second), name="B")
    b.start()
    b.join(timeout=HEAD_START)
    release.set()
    a.join(timeout=30)
    b.join(timeout=30)
    for name in ("A", "B"):
        if isinstance(results.get(name), BaseException):
            raise results[name]
    return results["A"], results["B"]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def finish(client: Client, interview: Interview):
    return client.post(
        f"/interviews/{interview.pk}/finish/",
        {"recommendation": "advance", "summary": "Clear and careful."},
    )


def test_pausing_the_clock_while_finishing_keeps_the_submission(recruiter, interview):
    a, b = signed_in(recruiter), signed_in(recruiter)

    with paused_in_thread_a(Interview, "save") as (reached, release):
        clock, finished = race(
            lambda: a.post(f"/interviews/{interview.pk}/clock/", {"action": "pause"}),
            lambda: finish(b, interview),
            reached,
            release,
        )

    interview.refresh_from_db()
    assert finished.status_code == 302
    assert interview.status == "submitted"
    assert interview.submitted_at is not None
    assert not interview.clock_running
    assert b.get(f"/interviews/{interview.pk}/scorecard/").status_code == 200
    # The clock request either ran first (then finish saw a paused clock) or was refused.
    assert clock.status_code in (200, 302)


def test_rating_while_finishing_is_refused_or_recorded(recruiter, interview):
    a, b = signed_in(recruiter), signed_in(recruiter)

    with paused_in_thread_a(AnswerForm, "is_valid") as (reached, release):
        rated, finished = race(
            lambda: a.post(
                f"/interviews/{interview.pk}/q/1/answer/",
                {"parts": "rating", "rating": "weak"},
                headers={"HX-Request": "true"},
            ),
            lambda: finish(b, interview),
            reached,
            release,
        )

    question = interview.questions.get(number=1)
    assert finished.status_code == 302
    snapshot = InterviewQuestion.history.filter(id=question.pk).order_by("history_date").last()
    if rated.status_code == 200:
        # Accepted: then it happened before submission and is in the submitted answers.
        assert question.rating == "weak"
        assert snapshot.rating == "weak"
    else:
        # Refused after submission: nothing changed.
        assert rated.status_code == 409
        assert question.rating == ""
        assert snapshot.rating == ""


def test_two_managers_recording_the_first_decision_at_once(recruiter):
    first, second = make_user(HIRING_MANAGER), make_user(HIRING_MANAGER)
    position = make_position(make_kit(2), managers=[first, second])
    interview = submit(make_interview(recruiter, position=position), ["strong", "weak"])
    a, b = signed_in(first), signed_in(second)
    url = f"/interviews/{interview.pk}/decision/"

    with paused_in_thread_a(Decision, "save") as (reached, release):
        one, two = race(
            lambda: a.post(url, {"outcome": "advance", "note": "Strong on data."}),
            lambda: b.post(url, {"outcome": "hold", "note": "Let us wait."}),
            reached,
            release,
        )

    assert (one.status_code, two.status_code) == (302, 302)
    decision = Decision.objects.get(interview=interview)
    assert decision.outcome == "hold"  # B waited for A, then changed it
    outcomes = list(
        Decision.history.filter(interview_id=interview.pk)
        .order_by("history_date")
        .values_list("outcome", flat=True)
    )
    assert outcomes == ["advance", "hold"]


def test_notes_saved_from_two_tabs_at_once_never_overwrite_silently(recruiter, interview):
    a, b = signed_in(recruiter), signed_in(recruiter)
    url = f"/interviews/{interview.pk}/q/2/answer/"
    htmx = {"HX-Request": "true"}

    with paused_in_thread_a(InterviewQuestion, "save") as (reached, release):
        one, two = race(
            lambda: a.post(
                url, {"parts": "notes", "notes": "From tab one", "notes_version": 0}, headers=htmx
            ),
            lambda: b.post(
                url, {"parts": "notes", "notes": "From tab two", "notes_version": 0}, headers=htmx
            ),
            reached,
            release,
        )

    question = interview.questions.get(number=2)
    statuses = sorted([one.status_code, two.status_code])
    assert statuses == [200, 409]
    assert question.notes_version == 1
    assert question.notes in ("From tab one", "From tab two")


def test_many_saves_at_once_all_land(recruiter):
    """Eight clients each rate their own question at the same moment: every rating is kept."""
    interview = make_interview(recruiter, kit_size=8)
    clients = [signed_in(recruiter) for _ in range(8)]
    ratings = ["strong", "average", "weak", "skipped"] * 2
    start = threading.Barrier(8)
    statuses: list[int] = []

    def rate(index: int) -> None:
        try:
            start.wait(timeout=10)
            response = clients[index].post(
                f"/interviews/{interview.pk}/q/{index + 1}/answer/",
                {"parts": "rating", "rating": ratings[index]},
                headers={"HX-Request": "true"},
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=rate, args=(i,)) for i in range(8)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert time.monotonic() - started < 60
    assert statuses == [200] * 8
    saved = list(interview.questions.order_by("number").values_list("rating", flat=True))
    assert saved == ratings
