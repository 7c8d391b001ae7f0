"""Scorecards, decisions, history, reopening, the position review, compare and CSV exports."""

import csv
import io

import pytest

from interviews.models import Decision, InterviewQuestion, InterviewRedFlag, RedFlag
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from interviews.scoring import area_scores, score
from tests.factories import (
    HTMX,
    make_candidate,
    make_interview,
    make_kit,
    make_position,
    make_user,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(manager):
    return make_position(make_kit(6), managers=[manager])


def hand_built(recruiter, position, name="Sam Candidate"):
    """Six questions over two areas: Python (Strong, Average, Skipped), Data (Weak, Strong, —)."""
    interview = make_interview(recruiter, position=position, candidate=make_candidate(name))
    areas = [("Python language", 1)] * 3 + [("Databases & data", 4)] * 3
    for question, (area, order) in zip(interview.questions.order_by("number"), areas, strict=True):
        InterviewQuestion.objects.filter(pk=question.pk).update(area_name=area, area_order=order)
    return submit(
        interview,
        ["strong", "average", "skipped", "weak", "strong", ""],
        notes=["Clear", "", "", "Unsure", "", ""],
    )


# --- Scores -------------------------------------------------------------------------------------


def test_score_rule():
    assert score(["strong", "average", "skipped", ""]) == 2.5
    assert score(["weak", "weak", "strong"]) == 1.7
    assert score(["skipped", ""]) is None


def test_area_scores_of_a_hand_built_interview(recruiter, position):
    interview = hand_built(recruiter, position)

    areas = area_scores(interview.questions.all())

    assert [(a.name, a.counts, a.unrated, a.score) for a in areas] == [
        ("Python language", {"strong": 1, "average": 1, "weak": 0, "skipped": 1}, 0, 2.5),
        ("Databases & data", {"strong": 1, "average": 0, "weak": 1, "skipped": 0}, 1, 2.0),
    ]


def test_scorecard_shows_scores_flags_and_notes(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    flag = RedFlag.objects.create(slug="no-tests", name="Never writes tests", why="Risky.")
    InterviewRedFlag.objects.create(interview=interview, red_flag=flag, name=flag.name, note="QA")
    client.force_login(manager)

    html = client.get(f"/interviews/{interview.pk}/scorecard/").content.decode()

    assert "Overall: 2.2 of 3" in html
    assert (
        '<meter class="score-meter" min="1" max="3" low="1.7" high="2.4" optimum="3" value="2.5">'
        in html
    )
    assert 'value="2.0">' in html
    assert "Never writes tests</span> QA" in html
    assert "Unsure" in html
    assert "Summary of Sam Candidate." in html
    assert "Record the decision" in html


# --- Decisions, history and reopening -------------------------------------------------------------


def test_decision_is_recorded_then_changed_with_history(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    client.force_login(manager)
    url = f"/interviews/{interview.pk}/decision/"

    first = client.post(url, {"outcome": "hold", "note": "Second call"}, headers=HTMX)
    client.post(url, {"outcome": "advance", "note": "Second call went well"}, headers=HTMX)
    html = client.get(f"/interviews/{interview.pk}/scorecard/").content.decode()

    assert first.content.decode().lstrip().startswith('<section id="decision"')
    decision = Decision.objects.get(interview=interview)
    assert (decision.outcome, decision.decided_by) == ("advance", manager)
    assert [(h.outcome, h.history_user) for h in decision.history.order_by("history_date")] == [
        ("hold", manager),
        ("advance", manager),
    ]
    assert 'Decision</span>: — <span aria-label="changed to">→</span> Hold' in html
    assert 'Decision</span>: Hold <span aria-label="changed to">→</span> Advance' in html
    assert html.count("Max, ") >= 2


def test_decision_needs_an_outcome(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    client.force_login(manager)

    response = client.post(f"/interviews/{interview.pk}/decision/", {"note": "?"}, headers=HTMX)

    assert response.status_code == 422
    assert "Choose Advance, Hold or Decline." in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("who", ["interviewer", "other manager", "recruiter"])
def test_only_managers_of_the_position_decide(client, recruiter, position, who):
    interview = hand_built(recruiter, position)
    user = {
        "interviewer": recruiter,
        "other manager": make_user(HIRING_MANAGER),
        "recruiter": make_user(RECRUITER),
    }[who]
    client.force_login(user)

    response = client.post(f"/interviews/{interview.pk}/decision/", {"outcome": "advance"})

    assert response.status_code == {"interviewer": 403, "other manager": 404, "recruiter": 404}[who]
    assert not Decision.objects.exists()


def test_reopen_with_reason_then_changes_are_recorded(client, recruiter, position):
    interview = hand_built(recruiter, position)
    client.force_login(recruiter)

    response = client.post(f"/interviews/{interview.pk}/reopen/", {"reason": "Mis-rated Q1"})
    client.post(
        f"/interviews/{interview.pk}/q/1/answer/",
        {"parts": "rating", "rating": "weak"},
        headers=HTMX,
    )
    client.post(
        f"/interviews/{interview.pk}/finish/", {"recommendation": "hold", "summary": "Rethought."}
    )
    html = client.get(f"/interviews/{interview.pk}/scorecard/").content.decode()

    interview.refresh_from_db()
    assert response.url == f"/interviews/{interview.pk}/"
    assert interview.status == "submitted"
    reopened = interview.history.filter(status="in_progress", submitted_at__isnull=False).get()
    assert (reopened.history_change_reason, reopened.history_user) == ("Mis-rated Q1", recruiter)
    assert 'Reopened</span> <span class="text-soft">(“Mis-rated Q1”)' in html
    assert 'Question 1 rating</span>: Strong <span aria-label="changed to">→</span> Weak' in html
    assert 'Recommendation</span>: Advance <span aria-label="changed to">→</span> Hold' in html
    assert "Rita, " in html


def test_reopen_needs_a_reason_and_the_interviewer(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    client.force_login(recruiter)
    empty = client.post(f"/interviews/{interview.pk}/reopen/", {"reason": ""})
    client.force_login(manager)
    by_manager = client.post(f"/interviews/{interview.pk}/reopen/", {"reason": "Because"})

    interview.refresh_from_db()
    assert empty.status_code == 422
    assert "Say why you are reopening it: it is kept in the history." in empty.content.decode()
    assert by_manager.status_code == 403
    assert interview.status == "submitted"


# --- The position review ------------------------------------------------------------------------


def review_rows(html: str) -> list[str]:
    return [
        line.split(">")[1].split("<")[0]
        for line in html.split('href="/interviews/')[1:]
        if "/scorecard/" in line.split('"')[0]
    ]


def test_review_lists_latest_interview_per_candidate(client, recruiter, position, manager):
    sam = make_candidate("Sam Candidate")
    old = submit(make_interview(recruiter, position=position, candidate=sam), ["weak"] * 6)
    new = submit(make_interview(recruiter, position=position, candidate=sam), ["strong"] * 6)
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/").content.decode()

    assert "1 candidate<" in html
    assert f'href="/interviews/{new.pk}/scorecard/"' in html
    assert f'href="/interviews/{old.pk}/scorecard/"' not in html


def test_review_filters_and_sorts(client, recruiter, position, manager):
    a = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Ann")),
        ["strong"] * 6,
        recommendation="advance",
    )
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Bob")),
        ["weak"] * 6,
        recommendation="decline",
    )
    c = make_interview(recruiter, position=position, candidate=make_candidate("Cat"))
    flag = RedFlag.objects.create(slug="no-git", name="Never used Git", why="x")
    c.set_red_flags({flag: ""})  # ticked during the interview
    submit(c, ["average"] * 6, recommendation="advance")
    Decision.objects.create(interview=a, outcome="advance", decided_by=manager)
    client.force_login(manager)
    url = f"/positions/{position.pk}/"

    by_score = client.get(url, {"sort": "-score"}).content.decode()
    advance_undecided = client.get(
        url, {"recommendation": "advance", "decision": "none"}
    ).content.decode()
    flagged = client.get(url, {"red_flags": "any"}, headers=HTMX).content.decode()

    assert by_score.index(">Ann<") < by_score.index(">Cat<") < by_score.index(">Bob<")
    assert 'aria-sort="descending"' in by_score
    assert ">Cat<" in advance_undecided
    assert ">Ann<" not in advance_undecided
    assert ">Bob<" not in advance_undecided
    assert flagged.lstrip().startswith('<div id="results"')
    assert ">Cat<" in flagged
    assert ">Ann<" not in flagged


def test_review_is_paginated(client, recruiter, position, manager):
    for n in range(27):
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(f"C{n:02d}")),
            ["average"] * 6,
        )
    client.force_login(manager)

    first = client.get(f"/positions/{position.pk}/", {"sort": "candidate"}).content.decode()
    second = client.get(
        f"/positions/{position.pk}/", {"sort": "candidate", "page": 2}
    ).content.decode()

    assert "27 candidates" in first
    assert "Page 1 of 2" in first
    assert ">C24<" in first
    assert ">C25<" not in first
    assert ">C25<" in second
    assert ">C26<" in second


@pytest.mark.parametrize(("who", "status"), [("recruiter", 403), ("other manager", 404)])
def test_review_is_for_the_positions_managers(client, position, who, status):
    client.force_login(make_user(RECRUITER if who == "recruiter" else HIRING_MANAGER))

    assert client.get(f"/positions/{position.pk}/").status_code == status


def test_review_for_bank_admin(client, recruiter, position):
    hand_built(recruiter, position)
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    assert "Sam Candidate" in client.get(f"/positions/{position.pk}/").content.decode()


# --- CSV ------------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_review_csv_columns_and_values(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    Decision.objects.create(
        interview=interview, outcome="hold", note="Call again", decided_by=manager
    )
    client.force_login(manager)

    response = client.get(f"/positions/{position.pk}/review.csv")

    rows = read_csv(response)
    assert response["Content-Disposition"] == 'attachment; filename="python-developer-review.csv"'
    assert rows[0] == [
        "candidate",
        "email",
        "interviewer",
        "screened",
        "kit",
        "score",
        "red_flags",
        "recommendation",
        "decision",
        "decision_note",
        "score: Python language",
        "score: Databases & data",
    ]
    assert rows[1] == [
        "Sam Candidate",
        "sam.candidate@example.org",
        "Rita",
        interview.submitted_at.date().isoformat(),
        interview.kit_name,
        "2.2",
        "0",
        "Advance",
        "Hold",
        "Call again",
        "2.5",
        "2.0",
    ]


def test_scorecard_csv_has_a_row_per_question(client, recruiter, position):
    interview = hand_built(recruiter, position)
    InterviewQuestion.objects.filter(interview=interview, number=1).update(cues_heard=[0, 2])
    client.force_login(recruiter)

    rows = read_csv(client.get(f"/interviews/{interview.pk}/scorecard.csv"))

    first = interview.questions.get(number=1)
    assert rows[0] == ["number", "area", "level", "question", "rating", "cues_heard", "notes"]
    assert rows[1] == [
        "1",
        "Python language",
        "Junior",
        first.prompt,
        "Strong",
        f"{first.cues[0]}; {first.cues[2]}",
        "Clear",
    ]
    assert len(rows) == 7
    assert rows[6][4] == ""


# --- Compare and the manager's dashboard ---------------------------------------------------


def test_compare_two_candidates_side_by_side(client, recruiter, position, manager):
    a = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Ann")),
        # --- Compare and the manager dashboard -----------------------------------------------
        notes=["Answer from Ann"],
    )
    b = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Bob")),
        ["weak"] * 6,
        notes=["Answer from Bob"],
    )
    client.force_login(manager)

    html = client.get(
        f"/positions/{position.pk}/compare/", {"interview": [a.pk, b.pk]}
    ).content.decode()

    assert ">Ann</a>" in html
    assert ">Bob</a>" in html
    assert "Answer from Ann" in html
    assert "Answer from Bob" in html
    assert html.count(a.questions.get(number=1).prompt) == 1


def test_compare_needs_two_to_four(client, recruiter, position, manager):
    a = hand_built(recruiter, position)
    client.force_login(manager)

    response = client.get(f"/positions/{position.pk}/compare/", {"interview": [a.pk]}, follow=True)

    assert "Choose two to four screened candidates to compare." in response.content.decode()


def test_manager_dashboard_lists_awaiting_decisions_oldest_first(
    client, recruiter, position, manager
):
    from django.utils import timezone

    now = timezone.now()
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Newer")),
        ["strong"],
        when=now,
    )
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Older")),
        ["strong"],
        when=now - timezone.timedelta(days=3),
    )
    client.force_login(manager)

    html = client.get("/").content.decode()

    assert "2 candidates screened · 2 awaiting your decision" in html
    assert html.index(">Older<") < html.index(">Newer<")


# --- Speed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [3, 30])
def test_review_query_count_is_constant(
    client, recruiter, position, manager, django_assert_num_queries, size
):
    for n in range(size):
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(f"C{n}")),
            ["strong", "weak"],
        )
    client.force_login(manager)

    # user, roles, position, manager check, interviewers, count, page of rows (areas
    # and scores are stored on the position and the interviews)
    with django_assert_num_queries(7):
        client.get(f"/positions/{position.pk}/")


@pytest.mark.parametrize("size", [5, 40])
def test_scorecard_query_count_is_constant(client, recruiter, django_assert_num_queries, size):
    interview = submit(make_interview(recruiter, kit_size=size), ["strong"] * size)
    client.force_login(recruiter)

    with django_assert_num_queries(11):  # with the glossary revision and terms, for marking
        client.get(f"/interviews/{interview.pk}/scorecard/")


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://evil.example","Click")', "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rCR"],
)
def test_csv_cells_that_start_a_formula_are_neutralised(
    client, recruiter, position, manager, dangerous
):
    interview = hand_built(recruiter, position, name=dangerous)
    InterviewQuestion.objects.filter(interview=interview, number=1).update(notes=dangerous)
    Decision.objects.create(interview=interview, outcome="hold", note=dangerous, decided_by=manager)
    client.force_login(manager)

    review = read_csv(client.get(f"/positions/{position.pk}/review.csv"))
    client.force_login(recruiter)
    scorecard = read_csv(client.get(f"/interviews/{interview.pk}/scorecard.csv"))

    assert review[1][0] == "'" + dangerous
    assert review[1][9] == "'" + dangerous
    assert scorecard[1][6] == "'" + dangerous
    for row in review[1:] + scorecard[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r", cell


def test_csv_keeps_ordinary_negative_looking_text_readable(client, recruiter, position, manager):
    interview = hand_built(recruiter, position, name="Ana-Maria Souza")
    client.force_login(manager)

    review = read_csv(client.get(f"/positions/{position.pk}/review.csv"))

    assert review[1][0] == "Ana-Maria Souza"
    assert interview.candidate.name == "Ana-Maria Souza"
