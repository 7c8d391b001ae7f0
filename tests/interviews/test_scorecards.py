"""/interviews/<pk>/scorecard/ and what hangs off it: scores, the decision, reopening, its CSV."""

import pytest

from interviews.models import Decision, InterviewQuestion, InterviewRedFlag, RedFlag
from interviews.roles import HIRING_MANAGER, RECRUITER
from interviews.scoring import area_scores, score
from tests.factories import HTMX, hand_built, make_user, read_csv

pytestmark = pytest.mark.django_db


# --- Scores -----------------------------------------------------------------------------------


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

    for text in [
        "Overall: 2.2 of 3",
        '<meter class="score-meter" min="1" max="3" low="1.7" high="2.4" optimum="3" value="2.5">',
        'value="2.0">',
        "Never writes tests</span> QA",
        "Unsure",
        "Summary of Sam Candidate.",
        "Record the decision",
    ]:
        assert text in html, text


def test_scorecard_lists_the_cues_heard_in_order(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    question = interview.questions.order_by("number").first()
    question.cues = [
        {"text": "names the trade-off", "kind": "idea"},
        {"text": "a <b>bold</b> claim", "kind": "idea"},
        {"text": "a time they did it", "kind": "evidence"},
    ]
    question.cues_heard = [1, 2]
    question.save()
    client.force_login(manager)

    html = client.get(f"/interviews/{interview.pk}/scorecard/").content.decode()

    assert "Heard:</span> a &lt;b&gt;bold&lt;/b&gt; claim; a time they did it</p>" in html


# --- Decisions --------------------------------------------------------------------------------


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


# --- Reopening --------------------------------------------------------------------------------


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


# --- CSV --------------------------------------------------------------------------------------


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
        f"{first.cues[0]['text']}; {first.cues[2]['text']}",
        "Clear",
    ]
    assert len(rows) == 7
    assert rows[6][4] == ""
