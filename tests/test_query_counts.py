"""Every list and dashboard page runs the same number of queries however much data there is.

Each case builds its data at a small and a large size, loads the page as the person who would,
and expects the same, stated number of queries both times. (Rating a question, a POST, and the
question bank, whose test also counts what it lists, have theirs beside their other tests.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import GlossaryRevision
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import (
    make_area,
    make_candidate,
    make_interview,
    make_kit,
    make_position,
    make_question,
    make_term,
    make_user,
    submit,
)

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    """How many queries loading ``url`` takes (the page must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def screened(recruiter, manager, count: int, questions: int = 2):
    """A position managed by ``manager`` with ``count`` submitted interviews by ``recruiter``."""
    position = make_position(make_kit(questions), managers=[manager])
    interviews = [
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(f"Person {n}")),
            ["strong", "weak"] * questions,
        )
        for n in range(count)
    ]
    return position, interviews


def recruiter_dashboard(client, size):
    recruiter = make_user(RECRUITER)
    screened(recruiter, make_user(HIRING_MANAGER), size)
    for _ in range(size):
        make_interview(recruiter)  # in progress
    client.force_login(recruiter)
    return "/"


def manager_dashboard(client, size):
    manager = make_user(HIRING_MANAGER)
    screened(make_user(RECRUITER), manager, size)
    for _ in range(size):
        make_position(managers=[manager])
    client.force_login(manager)
    return "/"


def candidate_list(client, size):
    recruiter = make_user(RECRUITER)
    screened(recruiter, make_user(HIRING_MANAGER), size)
    client.force_login(recruiter)
    return "/candidates/"


def candidate_detail(client, size):
    recruiter = make_user(RECRUITER)
    candidate = make_candidate("Ada")
    position = make_position()
    for _ in range(size):
        make_interview(recruiter, position=position, candidate=candidate)
    client.force_login(recruiter)
    return f"/candidates/{candidate.pk}/"


def position_list(client, size):
    recruiter = make_user(RECRUITER)
    manager = make_user(HIRING_MANAGER)
    for _ in range(size):
        make_position(managers=[manager, make_user(HIRING_MANAGER)])
    client.force_login(recruiter)
    return "/positions/"


def compare(client, size):
    manager = make_user(HIRING_MANAGER)
    position, interviews = screened(make_user(RECRUITER), manager, 4, questions=size)
    client.force_login(manager)
    chosen = "&".join(f"interview={i.pk}" for i in interviews[: 2 if size < 10 else 4])
    return f"/positions/{position.pk}/compare/?{chosen}"


def glossary_index(client, size):
    area = make_area()
    for n in range(size):
        make_term(f"term-{size}-{n}", area=area)
    client.force_login(make_user(RECRUITER))
    return "/glossary/"


def glossary_term(client, size):
    area = make_area()
    term = make_term(f"django-{size}", name=f"Django {size}", area=area)
    for n in range(size):
        related = make_term(f"related-{size}-{n}", area=area)
        term.related.add(related)
        make_question(f"q-{size}-{n}", terms=[term])
    client.force_login(make_user(RECRUITER))
    return f"/glossary/django-{size}/"


def question_detail(client, size):
    area = make_area()
    terms = [make_term(f"term-{size}-{n}", area=area) for n in range(size)]
    question = make_question(f"the-question-{size}", terms=terms)
    for _ in range(size):
        make_kit(1).kit_questions.create(question=question, number=2)
    client.force_login(make_user(RECRUITER))
    return f"/bank/the-question-{size}/"


def interview_new(client, size):
    recruiter = make_user(RECRUITER)
    for n in range(size):
        make_candidate(f"Candidate {n}")
        make_position()
    client.force_login(recruiter)
    return "/interviews/new/"


def fresh_glossary() -> None:
    """Make each size read the glossary's terms again, as after an admin's edit (the worst case)."""
    GlossaryRevision.bump()


def workbench(client, size):
    fresh_glossary()
    recruiter = make_user(RECRUITER)
    interview = make_interview(recruiter, kit_size=size + 3)
    client.force_login(recruiter)
    return f"/interviews/{interview.pk}/q/3/"


def scorecard(client, size):
    fresh_glossary()
    recruiter = make_user(RECRUITER)
    interview = submit(make_interview(recruiter, kit_size=size), ["strong"] * size)
    client.force_login(recruiter)
    return f"/interviews/{interview.pk}/scorecard/"


def review(client, size):
    manager = make_user(HIRING_MANAGER)
    position, _ = screened(make_user(RECRUITER), manager, size)
    client.force_login(manager)
    return f"/positions/{position.pk}/"


# page: (how to build it at a size, the queries it takes). Every full page counts the person's
# unread notifications for the header (one query); the dashboards and the scorecard also mark
# what they show as read (one UPDATE).
PAGES = {
    "recruiter dashboard": (recruiter_dashboard, 8),  # + the screenings they co-rate
    "manager dashboard": (manager_dashboard, 9),
    "candidates": (candidate_list, 4),
    "candidate": (candidate_detail, 5),
    "positions": (position_list, 5),
    "compare": (compare, 8),  # + the red flags, shown since round 2
    "glossary": (glossary_index, 4),
    "glossary term": (glossary_term, 7),
    "question": (question_detail, 8),
    "start an interview": (interview_new, 7),
    # user, roles, interview, questions, red flags ticked, red-flag catalogue, the person's
    # keyboard shortcuts, and the glossary for marking terms in the text: its revision (once
    # per request) and its terms (once per process and revision; read here: fresh_glossary).
    # The session comes from the cache.
    "workbench": (workbench, 11),  # + how many co-raters it has
    # the same people queries, interview, questions, flags, decision, history (interview,
    # questions), the glossary's revision and terms
    # + the interviewer's calibration (practice answers, co-rated answers), + whether it has
    # co-raters
    "scorecard": (scorecard, 16),
    # user, roles, position, manager check, interviewers, count, page of rows (areas and
    # scores are stored on the position and the interviews)
    # + the kits and their totals, + the share submitted within a day, + the interviewers'
    # calibration (practice answers, co-rated answers)
    "review": (review, 12),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_the_data(client, name):
    build, expected = PAGES[name]

    counts = []
    for size in (2, 12):
        url = build(client, size)
        counts.append(queries(client, url))

    assert counts == [expected, expected], counts
