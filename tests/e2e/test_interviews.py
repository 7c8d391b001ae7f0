"""A whole interview in Chromium, the way a recruiter runs one on a live call."""

import re

import pytest
from playwright.sync_api import expect

from interviews.models import Interview, Kit, RedFlag
from interviews.roles import RECRUITER
from tests.factories import make_position, make_user

# The ratings given, question by question, and the key pressed for each (the default keys).
PLAN = [
    ("s", "strong"),
    ("a", "average"),
    ("w", "weak"),
    ("s", "strong"),
    ("0", "skipped"),
    ("a", "average"),
    ("w", "weak"),
    ("s", "strong"),
    ("a", "average"),
    ("w", "weak"),
]


def timer_seconds(page) -> int:
    text = page.locator("#timer [data-clock]").inner_text()
    minutes, seconds = text.split(":")[-2:]
    return int(minutes) * 60 + int(seconds)


@pytest.fixture
def bank(shipped_content):
    """The shipped glossary and bank."""


def start_interview(page, live_server) -> Interview:
    """Add a candidate and start an interview for them through the pages (setup, not timed)."""
    page.goto(f"{live_server.url}/candidates/new/")
    page.get_by_label("Name").fill("Sam Candidate")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_role("button", name="Save candidate").click()
    expect(page.get_by_role("heading", name="Sam Candidate")).to_be_visible()
    page.get_by_role("link", name="Start an interview").click()
    page.get_by_role("button", name="Start the interview").click()
    expect(page).to_have_url(re.compile(r"/interviews/\d+/q/1/$"))
    return Interview.objects.get()


def test_whole_interview_by_keyboard(page, live_server, audit, sign_in, bank):
    """Cues, notes, a red flag, ratings and finishing: keys only, never Tab, never the mouse."""
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    make_position(Kit.objects.get(slug="mid-screen"))
    sign_in("rita@example.com")
    interview = start_interview(page, live_server)
    total = interview.questions.count()
    expect(page.get_by_text(f"Question 1 of {total}")).to_be_visible()
    audit.check(page)

    for index in range(total):
        number = index + 1
        key, _ = PLAN[index]
        expect(page.get_by_text(f"Question {number} of {total}", exact=True)).to_be_visible()

        if number == 1:  # tick cues 1 and 3 by their number keys
            page.keyboard.press("1")
            page.keyboard.press("3")
            expect(page.locator("#cue-count")).to_contain_text("2 of")

        if number == 2:  # a red flag: f opens the list on the first flag, Space, Esc closes
            page.keyboard.press("f")
            page.keyboard.press("Space")
            expect(page.locator("#flag-count")).to_contain_text("1")
            page.keyboard.press("Escape")
            expect(page.locator("#flags")).not_to_have_attribute("open", "")

        if number == 3:  # reload mid-way: the question, ratings, notes and clock survive
            page.wait_for_load_state("networkidle")
            before = timer_seconds(page)
            page.reload()
            expect(page).to_have_url(re.compile(rf"/interviews/{interview.pk}/q/3/$"))
            expect(page.locator("#rail-progress")).to_contain_text(f"2/{total}")
            expect(page.locator("#flag-count")).to_contain_text("1")
            assert timer_seconds(page) >= before
            audit.check(page)

        page.keyboard.press("/")
        note = f"Note on question {number}."
        if number == 4:  # the connection drops while typing
            page.context.set_offline(True)
            page.keyboard.type(note)
            expect(page.locator("#notes-status")).to_contain_text("Not saved", timeout=20_000)
            page.context.set_offline(False)
        else:
            page.keyboard.type(note)
        # A request the dropped connection left hanging times out (5 s) and is sent again.
        expect(page.locator("#notes-status")).to_contain_text("Saved at", timeout=15_000)
        page.keyboard.press("Escape")
        page.keyboard.press(key)
        if number < total:
            expect(
                page.get_by_text(f"Question {number + 1} of {total}", exact=True)
            ).to_be_visible()

    # The last rating offers to finish, with focus on the offer: Enter follows it.
    expect(page.locator("#rail-progress")).to_contain_text(f"{total}/{total}")
    expect(page.locator("[data-finish-offer]")).to_be_visible()
    expect(page.locator("[data-finish-offer]")).to_be_focused()
    audit.expect_failures("requests failed while the browser was offline")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Finish the interview of Sam Candidate")
    ).to_be_visible()
    expect(page.get_by_label("Advance")).to_be_focused()
    page.keyboard.press("Enter")  # Advance, then on to the summary
    expect(page.get_by_label("Summary for the hiring manager")).to_be_focused()
    page.keyboard.type("Strong Python, thin on testing.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("Recommendation: Advance")).to_be_visible()
    audit.check(page)

    interview.refresh_from_db()
    questions = list(interview.questions.order_by("number"))
    assert interview.status == "submitted"
    assert interview.recommendation == "advance"
    assert interview.summary == "Strong Python, thin on testing."
    assert [q.rating for q in questions] == [rating for _, rating in PLAN[:total]]
    assert [q.notes for q in questions] == [f"Note on question {n}." for n in range(1, total + 1)]
    assert questions[0].cues_heard == [0, 2]
    assert [q.cues_heard for q in questions[1:]] == [[]] * (total - 1)
    first_flag = RedFlag.objects.order_by("name").first()  # "f" focuses the first one
    assert list(interview.red_flags.values_list("red_flag", "name")) == [
        (first_flag.pk, first_flag.name)
    ]


def test_remapped_keys_rate_and_move(page, live_server, sign_in, bank):
    """Keys chosen on the preferences page work in the workbench, and the hints show them."""
    make_user(RECRUITER, email="rita@example.com")
    make_position(Kit.objects.get(slug="mid-screen"))
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/preferences/")
    page.get_by_label("Rate Strong, then go to the next unrated question").fill("j")
    page.get_by_label("Next question", exact=True).fill("l")
    page.get_by_role("button", name="Save shortcuts").click()
    expect(page.get_by_text("Saved your keyboard shortcuts.")).to_be_visible()
    interview = start_interview(page, live_server)

    expect(page.locator('#panel button[value="strong"] kbd')).to_have_text("j")
    page.keyboard.press("s")  # the old key does nothing now
    page.keyboard.press("j")
    expect(page.get_by_text("Question 2 of", exact=False)).to_be_visible()
    page.keyboard.press("l")
    expect(page.get_by_text("Question 3 of", exact=False)).to_be_visible()

    ratings = list(interview.questions.order_by("number").values_list("rating", flat=True))
    assert ratings[:2] == ["strong", ""]


def test_with_shortcuts_off_keys_do_nothing(page, live_server, sign_in, bank):
    """Turned off (for speech input, say), keys type normally and rate nothing."""
    make_user(RECRUITER, email="rita@example.com")
    make_position(Kit.objects.get(slug="mid-screen"))
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/preferences/")
    page.get_by_label("Use single-key shortcuts in the workbench").uncheck()
    page.get_by_role("button", name="Save shortcuts").click()
    interview = start_interview(page, live_server)

    expect(page.locator('#panel button[value="strong"] kbd')).to_be_hidden()
    for key in ("s", "1", "n", "f"):
        page.keyboard.press(key)
    page.wait_for_timeout(500)

    expect(page.get_by_text("Question 1 of", exact=False)).to_be_visible()
    expect(page.locator("#flags")).not_to_have_attribute("open", "")
    assert set(interview.questions.values_list("rating", flat=True)) == {""}
    assert interview.questions.get(number=1).cues_heard == []


def test_note_typed_while_the_server_is_down_survives_a_reload(page, live_server, sign_in, bank):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    position = make_position(Kit.objects.get(slug="junior-screen"))
    from tests.factories import make_candidate, make_interview

    interview = make_interview(recruiter, position=position, candidate=make_candidate())
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")

    page.route(re.compile(r".*/answer/$"), lambda route: route.abort())
    page.locator("#notes").fill("Typed during the outage.")
    expect(page.locator("#notes-status")).to_contain_text("Not saved", timeout=10_000)
    page.unroute(re.compile(r".*/answer/$"))
    page.reload()

    expect(page.locator("#notes")).to_have_value("Typed during the outage.")
    expect(page.locator("#notes-status")).to_contain_text("Saved at", timeout=10_000)
    assert interview.questions.get(number=1).notes == "Typed during the outage."


def test_rating_buttons_and_tooltips_stay_right_from_question_to_question(
    page, live_server, sign_in, bank
):
    """The rating buttons and the tooltips are not sent again with each question's panel: the
    page keeps its own. They must still show the question on screen: which rating it has, and
    the meaning of each of its terms."""
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    make_position(Kit.objects.get(slug="mid-screen"))
    sign_in("rita@example.com")
    interview = start_interview(page, live_server)
    bar = page.locator("#rating-bar")
    page.evaluate("document.getElementById('rating-bar').dataset.kept = 'yes'")

    bar.locator('button[value="strong"]').click()

    expect(page.get_by_text("Question 2 of", exact=False)).to_be_visible()
    expect(bar.locator("[data-kept]")).to_have_count(0)  # the element itself carries it
    expect(bar).to_have_attribute("data-kept", "yes")
    for value in ("strong", "average", "weak", "skipped"):
        expect(bar.locator(f'button[value="{value}"]')).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#rating-label")).to_have_text("Rating")

    page.keyboard.press("p")  # back to question 1, rated Strong

    expect(page.get_by_text("Question 1 of", exact=False)).to_be_visible()
    expect(bar.locator('button[value="strong"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#rating-label")).to_have_text("Rating: Strong")
    page.keyboard.press("a")  # rated again from the same buttons: Average
    expect(page.get_by_text("Question 2 of", exact=False)).to_be_visible()
    assert interview.questions.get(number=1).rating == "average"

    # Every term in the swapped-in panel is explained by a tooltip the page already has.
    terms = page.locator("#panel a.term")
    assert terms.count() > 0
    for index in range(terms.count()):
        tip_id = terms.nth(index).get_attribute("aria-describedby")
        expect(page.locator(f"#{tip_id}")).to_have_count(1)
    terms.first.hover()
    tip = page.locator(f"#{terms.first.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()


def test_the_kept_answer_form_saves_to_the_question_on_screen(page, live_server, sign_in, bank):
    """The cues, notes and follow-ups stay on the page from question to question (only their
    content is swapped): what is ticked and typed after moving on belongs to the new question,
    and focus still moves to the new question after a key ticked a cue."""
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    make_position(Kit.objects.get(slug="mid-screen"))
    sign_in("rita@example.com")
    interview = start_interview(page, live_server)
    page.goto(page.url)  # a page load leaves focus on <body>, where htmx's swaps would move it
    form = page.locator("#answer-form")
    page.evaluate("document.getElementById('answer-form').dataset.kept = 'yes'")
    second = interview.questions.get(number=2)

    page.keyboard.press("2")  # cue 2 of question 1, then Strong
    expect(page.locator("#cue-count")).to_contain_text("1 of")
    page.keyboard.press("s")

    expect(page.get_by_text("Question 2 of", exact=False)).to_be_visible()
    expect(page.locator("#question-heading")).to_be_focused()
    expect(form).to_have_attribute("data-kept", "yes")
    expect(page.locator("#cue-count")).to_contain_text(f"0 of {len(second.cues)} heard")
    expect(form.locator("label.cue").first).to_contain_text(second.cues[0]["text"])
    expect(page.locator("#follow-ups")).to_contain_text(second.follow_ups[0]["ask"][:30])
    page.keyboard.press("1")  # cue 1 of question 2
    expect(page.locator("#cue-count")).to_contain_text(f"1 of {len(second.cues)} heard")
    page.locator("#notes").fill("About question two.")
    expect(page.locator("#notes-status")).to_contain_text("Saved at", timeout=10_000)

    questions = list(interview.questions.order_by("number"))
    assert (questions[0].rating, questions[0].cues_heard, questions[0].notes) == ("strong", [1], "")
    assert (questions[1].rating, questions[1].cues_heard) == ("", [0])
    assert questions[1].notes == "About question two."
