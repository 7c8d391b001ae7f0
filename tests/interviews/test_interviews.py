"""Running an interview: start, rate, cues, notes, red flags, clock, finish; with and without JS."""

import re

import pytest
from django.urls import reverse

from interviews.models import Interview, InterviewQuestion, InterviewRedFlag, Kit, Question, RedFlag
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import (
    HTMX,
    guidance_texts,
    make_area,
    make_candidate,
    make_interview,
    make_position,
    make_term,
    make_user,
    submit,
)

pytestmark = pytest.mark.django_db


def answer_url(interview, number):
    return reverse("interviews:answer", args=[interview.pk, number])


def post_notes(client, interview, notes: str, **extra: str):
    """Autosave ``notes`` on question 1 as the workbench does (htmx), from version 0."""
    data = {"parts": "notes", "notes": notes, "notes_version": "0", **extra}
    return client.post(answer_url(interview, 1), data, headers=HTMX)


def asked(interview, number) -> InterviewQuestion:
    return interview.questions.get(number=number)


# --- Starting ---------------------------------------------------------------------------------


def test_start_copies_the_kit_questions_and_starts_the_clock(signed_in, recruiter):
    position = make_position()
    candidate = make_candidate()

    response = signed_in.post(
        "/interviews/new/", {"candidate": candidate.pk, "position": position.pk, "kit": ""}
    )

    interview = Interview.objects.get()
    assert response.status_code == 302
    assert response.url == f"/interviews/{interview.pk}/"
    assert interview.interviewer == recruiter
    assert interview.kit == position.default_kit
    assert interview.kit_name == position.default_kit.name
    assert interview.budget_minutes == 9
    assert interview.clock_running
    copies = list(interview.questions.values_list("number", "prompt", "strong"))
    originals = [
        (kq.number, kq.question.prompt, kq.question.strong)
        for kq in position.default_kit.kit_questions.all()
    ]
    assert copies == originals


def test_start_without_a_kit_for_the_position_asks_for_one(signed_in):
    position = make_position()
    position.default_kit = None
    position.save()

    response = signed_in.post(
        "/interviews/new/", {"candidate": make_candidate().pk, "position": position.pk}
    )

    assert "This position has no default kit: choose one." in response.content.decode()
    assert not Interview.objects.exists()


def test_bank_edits_never_change_a_started_interview(interview):
    source = asked(interview, 1).question
    prompt = asked(interview, 1).prompt

    Question.objects.filter(pk=source.pk).update(prompt="Rewritten later?", strong="Other")
    interview.kit.kit_questions.filter(question=source).delete()
    source.delete()

    copy = asked(interview, 1)
    assert copy.prompt == prompt
    assert copy.strong.startswith("Explains")
    assert copy.question is None


# --- The workbench page -----------------------------------------------------------------------


def test_workbench_opens_at_the_first_unrated_question(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(rating="strong")

    response = signed_in.get(f"/interviews/{interview.pk}/")

    assert response.url == f"/interviews/{interview.pk}/q/2/"


def test_workbench_shows_question_guidance_cues_and_rail(signed_in, interview):
    question = asked(interview, 2)

    html = signed_in.get(f"/interviews/{interview.pk}/q/2/").content.decode()

    for text in [
        *guidance_texts(question),
        "Question 2 of 3",
        '<h2>0/3<span class="sr-only"> questions</span> rated</h2>',
    ]:
        assert text in html, text
    assert 'aria-current="step"' in html
    assert 'name="rating" value="strong"' in html


@pytest.mark.parametrize(
    "url",
    ["/interviews/{pk}/q/2/", "/bank/?q=python"],
    ids=["workbench", "question bank search"],
)
def test_a_history_restore_gets_the_whole_page(signed_in, interview, url):
    # htmx asks for a page it has no copy of (Back, after its history cache was cleared) with
    # HX-Request and HX-History-Restore-Request, and puts the answer in place of the whole
    # <body>: a fragment (the panel, the results) would leave a page without header or menu.
    headers = {**HTMX, "HX-History-Restore-Request": "true"}

    response = signed_in.get(url.format(pk=interview.pk), headers=headers)

    html = response.content.decode()
    assert "<html" in html
    assert 'id="main"' in html
    assert {"HX-Request", "HX-History-Restore-Request"} <= set(response["Vary"].split(", "))


def test_workbench_unknown_question_number_is_404(signed_in, interview):
    assert signed_in.get(f"/interviews/{interview.pk}/q/9/").status_code == 404


# --- Saving answers with htmx -----------------------------------------------------------------


def test_htmx_rating_saves_and_moves_to_next_unrated(signed_in, interview):
    response = signed_in.post(
        answer_url(interview, 1), {"parts": "rating", "rating": "strong"}, headers=HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Push-Url"] == f"/interviews/{interview.pk}/q/2/"
    assert html.startswith('\n    <section id="panel"') or html.lstrip().startswith(
        '<section id="panel"'
    )
    assert asked(interview, 2).prompt in html
    # Only what changed besides the panel: the rated question's rail entry and the progress.
    assert '<li id="rail-q-1" hx-swap-oob="true"' in html
    assert '<li id="rail-q-2"' not in html
    assert '<div id="rail-progress" hx-swap-oob="true"' in html
    assert "<h2>1/3<span" in html
    assert len(response.content) < 8 * 1024  # the panel of a short question, and no more
    assert "<html" not in html
    first = asked(interview, 1)
    assert first.rating == "strong"
    assert first.rated_at is not None


def test_htmx_rating_answer_leaves_out_what_the_page_keeps(signed_in, interview):
    # The rating buttons, the hints, the answer form and the tooltips stay on the page from
    # question to question: the answer has an empty element of the same id for the bar, the
    # hint and the form (htmx keeps the page's own, hx-preserve), no buttons, no tooltips, no
    # form token (htmx sends it in a header).
    question = asked(interview, 2)
    question.notes = "Second thoughts."
    question.save()
    response = signed_in.post(
        answer_url(interview, 1), {"parts": "rating", "rating": "strong"}, headers=HTMX
    )

    html = response.content.decode()
    for kept in [
        '<div id="rating-bar" hx-preserve></div>',
        '<p id="expand-hint" hx-preserve></p>',
        '<form id="answer-form" hx-preserve></form>',
    ]:
        assert kept in html, kept
    for left_out in ['name="rating"', 'role="tooltip"', "csrfmiddlewaretoken", "cue-hint"]:
        assert left_out not in html, left_out
    # Into the kept form, out-of-band: question 2's number (the buttons and cues post it), its
    # cues, its notes and their autosave, its follow-up questions.
    assert 'data-number="2"' in html
    assert 'data-rating="" data-rating-label=""' in html
    answer_parts = html[html.index("</section>") :]
    for part in ["cue-count", "answer-cues", "notes-field", "follow-ups"]:
        assert f'id="{part}" hx-swap-oob="true"' in answer_parts, part
    assert '<input type="hidden" name="number" value="2">' in answer_parts
    assert question.cues[0]["text"] in answer_parts
    assert ">Second thoughts.</textarea>" in answer_parts
    assert f'hx-post="/interviews/{interview.pk}/q/2/answer/"' in answer_parts
    assert question.follow_ups[0]["good_if"] in answer_parts
    assert len(response.content) < 5 * 1024  # a short question's panel, and no more


def test_htmx_panel_marks_terms_for_the_pages_tooltips(signed_in, interview):
    # A swapped-in panel's term marks leave out aria-describedby: app.js points each at the
    # page's tooltip (every mark of the whole page names its own).
    make_term("django", name="Django", area=make_area("back-end", "Back-end & APIs", order=2))
    interview.questions.filter(number=2).update(prompt="Which Django version do you use?")
    page = signed_in.get(f"/interviews/{interview.pk}/q/2/").content.decode()
    panel = signed_in.get(f"/interviews/{interview.pk}/q/2/", headers=HTMX).content.decode()

    assert '<a class="term" href="/glossary/django/" aria-describedby="term-tip-django">' in page
    assert 'id="term-tip-django"' in page
    assert '<a class="term" href="/glossary/django/">Django</a> version' in panel
    assert 'aria-describedby="term-tip' not in panel


def test_workbench_rating_buttons_post_the_number_of_the_question_on_screen(signed_in, interview):
    interview.questions.filter(number=2).update(rating="weak")

    html = signed_in.get(f"/interviews/{interview.pk}/q/2/").content.decode()

    # The four rating buttons and the cues (which stay on the page too).
    assert html.count(f'hx-post="/interviews/{interview.pk}/answers/"') == 5
    assert 'hx-params="rating,parts,number"' in html
    assert 'hx-params="cues,parts,number"' in html
    assert (
        f'<form id="answer-form" method="post" action="/interviews/{interview.pk}/answers/"' in html
    )
    assert '<input type="hidden" name="number" value="2">' in html
    assert 'value="weak" class="rating-button rating-weak" aria-pressed="true"' in html
    assert "Rating<span data-current-rating>: Weak</span>" in html
    assert 'data-rating="weak" data-rating-label="Weak"' in html


def test_rating_by_the_posted_number(signed_in, interview):
    url = reverse("interviews:answers", args=[interview.pk])

    response = signed_in.post(
        url, {"number": "2", "parts": "rating", "rating": "weak"}, headers=HTMX
    )

    assert response.status_code == 200
    assert "Question 3 of 3" in response.content.decode()
    assert asked(interview, 2).rating == "weak"
    assert asked(interview, 1).rating == ""


def test_cues_by_the_posted_number(signed_in, interview):
    # The cues stay on the page from question to question and post the number on screen.
    url = reverse("interviews:answers", args=[interview.pk])

    response = signed_in.post(
        url, {"number": "2", "parts": "cues", "cues": ["0", "2"]}, headers=HTMX
    )

    assert response.status_code == 200
    assert (
        '<p id="cue-count" hx-swap-oob="true" aria-live="polite">2 of' in response.content.decode()
    )
    assert asked(interview, 2).cues_heard == [0, 2]
    assert asked(interview, 1).cues_heard == []


@pytest.mark.parametrize(
    ("number", "status", "says"),
    [
        ("", 400, "Say which question this answers"),
        ("two", 400, "Enter a whole number"),
        ("0", 400, "greater than or equal to 1"),
        ("9", 404, "Not Found"),
    ],
)
def test_rating_by_a_missing_or_unknown_number_changes_nothing(
    signed_in, interview, number, status, says
):
    url = reverse("interviews:answers", args=[interview.pk])

    response = signed_in.post(
        url, {"number": number, "parts": "rating", "rating": "weak"}, headers=HTMX
    )

    assert response.status_code == status
    assert says in response.content.decode()
    assert list(interview.questions.values_list("rating", flat=True)) == ["", "", ""]


def test_the_workbench_page_explains_every_term_of_every_question_once(
    signed_in, recruiter, shipped_content
):
    # A panel swapped in brings no tooltips: the page must already have one for each term any
    # of the interview's questions marks, once each.
    interview = make_interview(
        recruiter, position=make_position(Kit.objects.get(slug="mid-screen"))
    )
    base = f"/interviews/{interview.pk}/q/"

    page = signed_in.get(f"{base}1/").content.decode()

    tips = re.findall(r'role="tooltip" id="([^"]+)"', page)
    assert len(tips) == len(set(tips)) > 10
    described = set()
    for number in range(1, interview.questions.count() + 1):
        panel = signed_in.get(f"{base}{number}/", headers=HTMX).content.decode()
        assert 'role="tooltip"' not in panel
        # (A panel's marks name no tooltip: app.js finds it by the term's slug.)
        described |= {
            f"term-tip-{slug}" for slug in re.findall(r'href="/glossary/([^"/]+)/"', panel)
        }
    assert described  # the questions do mention glossary terms
    assert described <= set(tips), described - set(tips)


def test_htmx_rating_the_last_unrated_question_stays_and_offers_finish(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview).exclude(number=3).update(rating="weak")

    response = signed_in.post(
        answer_url(interview, 3), {"parts": "rating", "rating": "skipped"}, headers=HTMX
    )

    html = response.content.decode()
    assert response["HX-Push-Url"] == f"/interviews/{interview.pk}/q/3/"
    assert "<h2>3/3<span" in html
    assert f'href="/interviews/{interview.pk}/finish/"' in html
    assert asked(interview, 3).rating == "skipped"


def test_htmx_cues_save_and_update_the_count(signed_in, interview):
    response = signed_in.post(
        answer_url(interview, 1), {"parts": "cues", "cues": ["0", "2"]}, headers=HTMX
    )

    html = response.content.decode()
    assert '<p id="cue-count" hx-swap-oob="true"' in html
    assert "2 of 3 heard" in html
    assert "suggests <strong>▲ Strong</strong>" in html
    assert asked(interview, 1).cues_heard == [0, 2]
    assert asked(interview, 1).rating == ""


def test_strong_is_suggested_only_with_evidence_heard(signed_in, interview):
    # the factory's third cue is evidence: two ideas alone can be rehearsed
    response = signed_in.post(
        answer_url(interview, 1), {"parts": "cues", "cues": ["0", "1"]}, headers=HTMX
    )

    assert "2 of 3 heard · suggests <strong>■ Average</strong>" in response.content.decode()
    assert asked(interview, 1).suggested_rating == "average"


def test_workbench_marks_evidence_cues_and_must_hear(signed_in, interview):
    html = signed_in.get(f"/interviews/{interview.pk}/q/1/").content.decode()
    question = asked(interview, 1)

    assert f'{question.cues[2]["text"]} <span class="badge badge-accent">evidence</span>' in html
    assert f"<strong>Must hear:</strong> {question.must_hear}" in html
    assert "Not heard yet? Ask before marking down." in html


def test_an_interview_asks_one_wording_and_the_scorecard_says_which(signed_in, interview):
    bank = asked(interview, 1).question
    bank.variants = ["Say it another way?", "And a third way?"]
    bank.save()

    copy = InterviewQuestion.copy_of(bank, interview, 9, variant=2)
    picked = {InterviewQuestion.copy_of(bank, interview, 9).variant for _ in range(60)}

    assert (copy.prompt, copy.variant) == ("And a third way?", 2)
    assert picked == {0, 1, 2}
    with pytest.raises(IndexError):
        InterviewQuestion.copy_of(bank, interview, 9, variant=3)
    InterviewQuestion.objects.filter(interview=interview, number=1).update(
        prompt="Say it another way?", variant=1
    )
    submit(interview, ["strong", "average", "weak"])
    html = signed_in.get(f"/interviews/{interview.pk}/scorecard/").content.decode()
    assert "Say it another way?" in html
    assert "Asked in wording 2" in html


def test_htmx_notes_save_and_bump_the_version(signed_in, interview):
    response = post_notes(signed_in, interview, "Mentioned uv and lock files.")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<input type="hidden" name="notes_version" value="1">' in html
    assert "Saved at" in html
    question = asked(interview, 1)
    assert question.notes == "Mentioned uv and lock files."
    assert question.notes_version == 1


def test_notes_from_a_stale_tab_do_not_overwrite_newer_notes(signed_in, interview):
    post_notes(signed_in, interview, "From tab A")

    stale = post_notes(signed_in, interview, "From tab B")

    html = stale.content.decode()
    assert stale.status_code == 409
    assert "These notes were changed in another tab or window." in html
    assert "From tab A" in html
    assert '<input type="hidden" name="notes_version" value="0">' in html
    assert asked(interview, 1).notes == "From tab A"


def test_notes_conflict_keep_mine_overwrites(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(
        notes="From tab A", notes_version=1
    )

    response = post_notes(signed_in, interview, "From tab B", overwrite="on")

    assert response.status_code == 200
    question = asked(interview, 1)
    assert (question.notes, question.notes_version) == ("From tab B", 2)


# --- Without JavaScript -----------------------------------------------------------------------


def test_plain_post_saves_everything_and_redirects_to_next_unrated(signed_in, interview):
    response = signed_in.post(
        answer_url(interview, 1),
        {"rating": "average", "cues": ["1"], "notes": "Plain form", "notes_version": "0"},
    )

    assert response.status_code == 302
    assert response.url == f"/interviews/{interview.pk}/q/2/"
    question = asked(interview, 1)
    assert (question.rating, question.cues_heard, question.notes) == ("average", [1], "Plain form")


def test_plain_post_without_rating_stays_on_the_question(signed_in, interview):
    response = signed_in.post(
        answer_url(interview, 2), {"cues": ["0"], "notes": "Just notes", "notes_version": "0"}
    )

    assert response.url == f"/interviews/{interview.pk}/q/2/"
    assert asked(interview, 2).notes == "Just notes"
    assert asked(interview, 2).rating == ""


def test_plain_post_conflict_shows_both_and_saves_nothing(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(
        notes="Newer", notes_version=3
    )

    response = signed_in.post(answer_url(interview, 1), {"notes": "Mine", "notes_version": "1"})

    html = response.content.decode()
    assert response.status_code == 409
    assert ">Mine</textarea>" in html
    assert "Newer" in html
    assert asked(interview, 1).notes == "Newer"


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"parts": "rating", "rating": "excellent"}, "Select a valid choice. excellent is not one"),
        ({"parts": "cues", "cues": ["7"]}, "A ticked cue is not one of the cues of this question."),
        (
            {"parts": "notes", "notes": "x" * 5001, "notes_version": "0"},
            "Ensure this value has at most 5000 characters (it has 5001).",
        ),
        ({"parts": "notes", "notes": "no version"}, "Missing the version of the notes"),
    ],
)
def test_bad_answer_is_refused_with_a_message(signed_in, interview, data, message):
    response = signed_in.post(answer_url(interview, 1), data, headers=HTMX)

    assert response.status_code == 422
    assert message in response.content.decode()
    question = asked(interview, 1)
    assert (question.rating, question.cues_heard, question.notes) == ("", [], "")


def test_rating_a_question_of_another_interview_is_404(signed_in, interview):
    other = make_interview()

    response = signed_in.post(
        answer_url(other, 1), {"parts": "rating", "rating": "strong"}, headers=HTMX
    )

    assert response.status_code == 404
    assert asked(other, 1).rating == ""


def test_submitted_interview_rejects_changes(signed_in, interview):
    Interview.objects.filter(pk=interview.pk).update(
        status="submitted", recommendation="hold", summary="Done.", submitted_at="2026-11-20T10:00Z"
    )

    response = signed_in.post(
        answer_url(interview, 1), {"parts": "rating", "rating": "strong"}, headers=HTMX
    )
    page = signed_in.get(f"/interviews/{interview.pk}/q/1/")

    assert response.status_code == 409
    assert response["HX-Redirect"] == f"/interviews/{interview.pk}/scorecard/"
    assert asked(interview, 1).rating == ""
    assert page.url == f"/interviews/{interview.pk}/scorecard/"


# --- Access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["other recruiter", "manager of another position", "no role"])
def test_strangers_cannot_see_or_change_an_interview(client, interview, who):
    role = {"other recruiter": RECRUITER, "manager of another position": HIRING_MANAGER}.get(who)
    client.force_login(make_user(role))

    page = client.get(f"/interviews/{interview.pk}/q/1/")
    post = client.post(answer_url(interview, 1), {"parts": "rating", "rating": "weak"})

    assert page.status_code == 404
    assert post.status_code == 404
    assert asked(interview, 1).rating == ""


def test_hiring_manager_of_the_position_can_view_but_not_change(client, interview):
    manager = make_user(HIRING_MANAGER)
    interview.position.hiring_managers.add(manager)
    client.force_login(manager)

    post = client.post(answer_url(interview, 1), {"parts": "rating", "rating": "weak"})

    assert post.status_code == 403
    assert asked(interview, 1).rating == ""


def test_anonymous_is_sent_to_sign_in_and_nothing_changes(client, interview):
    response = client.post(answer_url(interview, 1), {"parts": "rating", "rating": "weak"})

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert asked(interview, 1).rating == ""


def test_bank_admin_can_change_any_interview(client, interview):
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    client.post(answer_url(interview, 1), {"parts": "rating", "rating": "weak"}, headers=HTMX)

    assert asked(interview, 1).rating == "weak"


# --- Red flags and the clock --------------------------------------------------------------------


def test_red_flags_tick_with_note_then_untick(signed_in, interview):
    flag = RedFlag.objects.create(slug="no-tests", name="Never writes tests", why="Risky.")
    url = reverse("interviews:red_flags", args=[interview.pk])

    ticked = signed_in.post(
        url,
        {"number": "2", "flag-no-tests": "on", "note-no-tests": "Said QA does it"},
        headers=HTMX,
    )
    saved = list(InterviewRedFlag.objects.values_list("red_flag", "name", "note"))
    cleared = signed_in.post(url, {"number": "2", "note-no-tests": ""}, headers=HTMX)

    assert '<span id="flag-count"' in ticked.content.decode()
    assert '>1<span class="sr-only"> ticked</span>' in ticked.content.decode()
    assert saved == [(flag.pk, "Never writes tests", "Said QA does it")]
    assert '>0<span class="sr-only"> ticked</span>' in cleared.content.decode()
    assert not InterviewRedFlag.objects.exists()


def test_red_flags_without_javascript_redirect_back(signed_in, interview):
    RedFlag.objects.create(slug="no-git", name="Never used Git", why="Risky.")

    response = signed_in.post(
        reverse("interviews:red_flags", args=[interview.pk]), {"number": "3", "flag-no-git": "on"}
    )

    assert response.url == f"/interviews/{interview.pk}/q/3/"
    assert interview.red_flags.get().name == "Never used Git"


def test_clock_pause_keeps_time_and_resume_restarts(signed_in, interview):
    url = reverse("interviews:clock", args=[interview.pk])
    Interview.objects.filter(pk=interview.pk).update(elapsed_seconds=100)

    paused = signed_in.post(url, {"action": "pause", "number": "1"}, headers=HTMX)
    interview.refresh_from_db()
    after_pause = (interview.clock_running, interview.elapsed_seconds >= 100)
    signed_in.post(url, {"action": "resume", "number": "1"})
    interview.refresh_from_db()

    assert 'Resume<span class="sr-only"> the clock</span>' in paused.content.decode()
    assert after_pause == (False, True)
    assert interview.clock_running


# --- Finishing --------------------------------------------------------------------------------


def test_finish_requires_recommendation_and_summary(signed_in, interview):
    response = signed_in.post(f"/interviews/{interview.pk}/finish/", {"summary": ""})

    html = response.content.decode()
    assert "Choose Advance, Hold or Decline." in html
    assert "Write a short summary: the hiring manager reads it first." in html
    interview.refresh_from_db()
    assert interview.status == "in_progress"


def test_finish_submits_and_the_summary_is_read_only(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(
        rating="strong", notes="Great answer"
    )

    response = signed_in.post(
        f"/interviews/{interview.pk}/finish/",
        {"recommendation": "advance", "summary": "Solid on Python; move on."},
    )
    summary = signed_in.get(f"/interviews/{interview.pk}/scorecard/").content.decode()

    interview.refresh_from_db()
    assert response.url == f"/interviews/{interview.pk}/scorecard/"
    assert (interview.status, interview.recommendation) == ("submitted", "advance")
    assert interview.submitted_at is not None
    assert not interview.clock_running
    assert "Solid on Python; move on." in summary
    assert "Great answer" in summary
    assert "Recommendation: <strong>Advance</strong>" in summary


# --- Speed --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [5, 40])
def test_htmx_rating_query_count_is_constant(client, django_assert_num_queries, size):
    recruiter = make_user(RECRUITER)
    interview = make_interview(recruiter, kit_size=size)
    client.force_login(recruiter)

    # user, interview, (savepoint), its row lock, the question, its update, (release), the
    # rail's numbers and ratings, the next question, and the glossary as above
    with django_assert_num_queries(11):
        response = client.post(
            answer_url(interview, 1), {"parts": "rating", "rating": "strong"}, headers=HTMX
        )

    assert response.status_code == 200


def test_htmx_conflict_fragment_posts_keep_mine_to_the_answer_url(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(
        notes="Newer", notes_version=2
    )

    response = post_notes(signed_in, interview, "Mine")

    assert (
        f'hx-post="{answer_url(interview, 1)}" hx-vals=\'{{"parts": "notes", "overwrite": "on"}}\''
        in (response.content.decode())
    )


# --- Prepared (draft) interviews ---------------------------------------------------------------


def test_prepare_for_later_makes_a_draft_without_a_clock(signed_in):
    position = make_position(kit_size=2)

    response = signed_in.post(
        "/interviews/new/",
        {"candidate": make_candidate().pk, "position": position.pk, "when": "later"},
        follow=True,
    )

    interview = Interview.objects.get()
    html = response.content.decode()
    assert (interview.status, interview.started_at, interview.clock_running) == (
        "draft",
        None,
        False,
    )
    assert interview.questions.count() == 2
    assert "The clock starts when you do." in html
    assert ">Start the interview</button>" in html
    assert "Prepared, not started" in signed_in.get("/").content.decode()


def test_first_rating_starts_a_prepared_interview(signed_in, recruiter):
    interview = make_interview(recruiter, kit_size=2, start_now=False)

    signed_in.post(answer_url(interview, 1), {"parts": "rating", "rating": "weak"}, headers=HTMX)

    interview.refresh_from_db()
    assert interview.status == "in_progress"
    assert interview.started_at is not None
    assert interview.clock_running
    assert asked(interview, 1).rating == "weak"


def test_start_button_starts_a_prepared_interview(signed_in, recruiter):
    interview = make_interview(recruiter, kit_size=2, start_now=False)

    response = signed_in.post(
        reverse("interviews:clock", args=[interview.pk]),
        {"action": "resume", "number": "1"},
        headers=HTMX,
    )

    interview.refresh_from_db()
    assert 'Pause<span class="sr-only"> the clock</span>' in response.content.decode()
    assert (interview.status, interview.clock_running) == ("in_progress", True)


def test_plain_save_of_cues_and_notes_keeps_the_rating(signed_in, interview):
    InterviewQuestion.objects.filter(interview=interview, number=1).update(rating="strong")

    signed_in.post(answer_url(interview, 1), {"notes": "More notes", "notes_version": "0"})

    question = asked(interview, 1)
    assert (question.rating, question.notes) == ("strong", "More notes")
