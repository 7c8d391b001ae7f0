"""A whole screening in Chromium, the way a recruiter runs one on a live call."""

import re

import pytest
from playwright.sync_api import expect

from interviews.models import Interview, Kit, Position, RedFlag
from interviews.roles import RECRUITER
from tests.factories import make_user

# The ratings given, question by question, and the key pressed for each.
PLAN = [
    ("1", "strong"),
    ("a", "average"),
    ("3", "weak"),
    ("s", "strong"),
    ("0", "skipped"),
    ("2", "average"),
    ("w", "weak"),
    ("1", "strong"),
    ("2", "average"),
    ("3", "weak"),
]


def timer_seconds(page) -> int:
    text = page.locator("#timer [x-text=display]").inner_text()
    minutes, seconds = text.split(":")[-2:]
    return int(minutes) * 60 + int(seconds)


@pytest.fixture
def bank(shipped_content):
    """The shipped glossary and bank."""


def test_whole_screening_by_keyboard(page, live_server, audit, sign_in, bank):
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    Position.objects.create(
        title="Python developer", level="mid", default_kit=Kit.objects.get(slug="mid-screen")
    )
    sign_in("rita@example.com")

    # A new candidate, then a Mid-level screen for them.
    page.goto(f"{live_server.url}/candidates/new/")
    page.get_by_label("Name").fill("Sam Candidate")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_role("button", name="Save candidate").click()
    expect(page.get_by_role("heading", name="Sam Candidate")).to_be_visible()
    page.get_by_role("link", name="Start a screening").click()
    page.get_by_label("Position").select_option(label="Python developer")
    page.get_by_role("button", name="Start the screening").click()
    expect(page).to_have_url(re.compile(r"/interviews/\d+/q/1/$"))

    interview = Interview.objects.get()
    total = interview.questions.count()
    expect(page.get_by_text(f"Question 1 of {total}")).to_be_visible()
    audit.check(page)

    for index in range(total):
        number = index + 1
        key, _ = PLAN[index]
        expect(page.get_by_text(f"Question {number} of {total}", exact=True)).to_be_visible()

        if number == 1:  # tick two cues with the keyboard: focus, Space
            for cue in (0, 2):
                page.locator("#panel .cue input").nth(cue).focus()
                page.keyboard.press("Space")
            expect(page.locator("#cue-count")).to_contain_text("2 of")

        if number == 2:  # a red flag, one key away
            page.keyboard.press("f")
            page.keyboard.press("Space")
            expect(page.locator("#flag-count")).to_have_text("1 ticked")

        if number == 3:  # reload mid-way: the question, ratings, notes and clock survive
            page.wait_for_load_state("networkidle")
            before = timer_seconds(page)
            page.reload()
            expect(page).to_have_url(re.compile(rf"/interviews/{interview.pk}/q/3/$"))
            expect(page.locator("#rail")).to_contain_text(f"2 of {total} rated")
            expect(page.locator("#flag-count")).to_have_text("1 ticked")
            assert timer_seconds(page) >= before
            audit.check(page)

        page.keyboard.press("/")
        note = f"Note on question {number}."
        if number == 4:  # the connection drops while typing
            page.context.set_offline(True)
            page.keyboard.type(note)
            expect(page.locator("#notes-status")).to_contain_text("Not saved", timeout=10_000)
            page.context.set_offline(False)
        else:
            page.keyboard.type(note)
        expect(page.locator("#notes-status")).to_contain_text("Saved at", timeout=10_000)
        page.keyboard.press("Escape")
        page.keyboard.press(key)
        if number < total:
            expect(
                page.get_by_text(f"Question {number + 1} of {total}", exact=True)
            ).to_be_visible()

    expect(page.locator("#rail")).to_contain_text(f"{total} of {total} rated")
    audit.expect_failures("requests failed while the browser was offline")

    page.get_by_role("link", name="Finish").first.click()
    page.get_by_label("Advance").check()
    page.get_by_label("Summary for the hiring manager").fill("Strong Python, thin on testing.")
    page.get_by_role("button", name="Submit the screening").click()
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


def test_note_typed_while_the_server_is_down_survives_a_reload(page, live_server, sign_in, bank):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    position = Position.objects.create(
        title="Python developer", level="mid", default_kit=Kit.objects.get(slug="junior-screen")
    )
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
