"""/positions/<pk>/ and what hangs off it: the review, its CSV, comparing candidates."""

import pytest
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format

from interviews.models import Decision, InterviewQuestion, RedFlag
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from interviews.views.positions import one_decimal
from tests.factories import (
    HTMX,
    hand_built,
    make_candidate,
    make_interview,
    make_user,
    read_csv,
    submit,
)

pytestmark = pytest.mark.django_db


# --- The review -------------------------------------------------------------------------------


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


def test_review_row_shows_each_cell(client, recruiter, position, manager):
    interview = make_interview(recruiter, position=position, candidate=make_candidate("Ann"))
    flag = RedFlag.objects.create(slug="no-git", name="Never used Git", why="x")
    interview.set_red_flags({flag: ""})
    submit(interview, ["strong", "weak", "average", "strong", "strong", "weak"])
    Decision.objects.create(interview=interview, outcome="decline", decided_by=manager)
    interview.refresh_from_db()
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/", {"interview": interview.pk}).content.decode()
    row = html[html.index(f'value="{interview.pk}"') : html.index("</tr>", html.index(">Ann<"))]

    assert f'value="{interview.pk}" checked' in row  # ticked for comparing, kept
    assert f'<a href="/interviews/{interview.pk}/scorecard/">Ann</a>' in row
    assert f'data-label="Score">{one_decimal(interview.score)}</td>' in row
    for area, value in interview.area_scores.items():
        assert f'data-label="{area}">{one_decimal(value)}</td>' in row
    assert '<span class="badge badge-danger">1</span>' in row
    assert '<span class="recommendation-text recommendation-decline">Decline</span>' in row
    assert date_format(timezone.localtime(interview.submitted_at), "j M Y") in row
    assert f"by {recruiter.get_full_name() or recruiter.email}" in row


@pytest.mark.parametrize(
    "value", [None, 1.0, 1.05, 1.25, 1.35, 2.45, 2.5, 2.6666666666666665, 2.95, 3.0]
)
def test_one_decimal_reads_as_floatformat_did(value):
    assert one_decimal(value) == (floatformat(value, 1) or "—")


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


# --- CSV --------------------------------------------------------------------------------------


def test_review_csv_columns_and_values(client, recruiter, position, manager):
    interview = hand_built(recruiter, position)
    Decision.objects.create(
        interview=interview, outcome="hold", note="Call again", decided_by=manager
    )
    client.force_login(manager)

    response = client.get(f"/positions/{position.pk}/review.csv")

    rows = read_csv(response)
    assert response["Content-Disposition"] == 'attachment; filename="python-developer-review.csv"'
    assert " ".join(rows[0][:8]) == (
        "candidate email interviewer screened kit score red_flags recommendation"
    )
    assert rows[0][8:] == [
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


# --- Compare ----------------------------------------------------------------------------------


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


# --- Fair comparison across kits (issue 14) ------------------------------------------------------


def interview_with_kit(recruiter, position, kit, name: str, ratings, **kwargs):
    """A submitted interview of ``name`` for ``position``, asked from ``kit``."""
    from interviews.models import Interview

    interview = Interview.objects.start(
        interviewer=recruiter,
        candidate=make_candidate(name),
        position=position,
        kit=kit,
        questions=[kq.question for kq in kit.kit_questions.select_related("question__area")],
    )
    return submit(interview, ratings, **kwargs)


@pytest.fixture
def mixed(recruiter, position):
    """Two candidates screened with the position's kit, one with another kit scoring highest."""
    from tests.factories import make_kit

    senior = make_kit(3)
    senior.name = "Senior screen"
    senior.save()
    ann = interview_with_kit(recruiter, position, position.default_kit, "Ann", ["average"] * 6)
    bob = interview_with_kit(recruiter, position, position.default_kit, "Bob", ["strong"] * 6)
    sue = interview_with_kit(recruiter, position, senior, "Sue", ["strong"] * 3)
    return {"ann": ann, "bob": bob, "sue": sue, "senior": senior}


def test_review_says_when_kits_differ_and_ranks_within_each_kit(client, manager, position, mixed):
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/").content.decode()

    kit = position.default_kit.name
    assert "Scores from different kits are not comparable" in html
    assert f"{kit}: 2 candidates" in html
    assert "Senior screen: 1 candidate" in html
    assert f'<span class="review-kit">{kit}</span>' in html
    assert '<span class="review-kit">Senior screen</span>' in html
    # by default: kit by kit, best score first within each
    assert review_rows(html) == ["Bob", "Ann", "Sue"]


def test_review_filters_by_kit(client, manager, position, mixed):
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/", {"kit": "Senior screen"}).content.decode()

    assert review_rows(html) == ["Sue"]
    assert "Scores from different kits are not comparable" not in html
    assert '<option value="Senior screen" selected>Senior screen</option>' in html


def test_compare_across_kits_says_so_and_shows_flags_summary_and_decision(
    client, manager, position, mixed
):
    flag = RedFlag.objects.create(slug="no-git", name="Never used Git", why="x")
    ann = mixed["ann"]
    ann.red_flags.create(red_flag=flag, name=flag.name, note="Uses zip files")
    ann.summary = "Solid on Django, thin on testing."
    ann.save()
    Decision.objects.create(
        interview=ann, outcome="hold", note="Wait for the senior", decided_by=manager
    )
    client.force_login(manager)

    html = client.get(
        f"/positions/{position.pk}/compare/", {"interview": [ann.pk, mixed["sue"].pk]}
    ).content.decode()

    for text in [
        "screened with different kits",
        f"Kit: {position.default_kit.name}",
        "Kit: Senior screen",
        "Never used Git",
        "Uses zip files",
        "Solid on Django, thin on testing.",
        "Wait for the senior",
    ]:
        assert text in html, text


def test_compare_over_the_limit_keeps_the_ticks_and_explains(client, manager, position):
    recruiter = make_user(RECRUITER)
    ids = [
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(f"C{n}")),
            ["weak"] * 6,
        ).pk
        for n in range(5)
    ]
    client.force_login(manager)

    response = client.get(f"/positions/{position.pk}/compare/", {"interview": ids}, follow=True)

    html = response.content.decode()
    assert "You ticked 5 candidates; compare takes two to four." in html
    for pk in ids:
        assert f'value="{pk}" checked' in html
