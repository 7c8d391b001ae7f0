"""Every page around an interview passes the shared browser check, for the people who use it."""

from playwright.sync_api import expect

from interviews.models import Interview
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_candidate, make_interview, make_position, make_user


def test_recruiter_pages_pass_the_audit(page, live_server, audit, sign_in):
    recruiter = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    manager = make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")
    position = make_position(managers=[manager])
    candidate = make_candidate("Sam Candidate", links=["https://github.com/example"])
    interview = make_interview(recruiter, position=position, candidate=candidate)
    sign_in("rita@example.com")

    for path, heading in [
        ("/", "Your interviews"),
        ("/candidates/", "Candidates"),
        ("/candidates/new/", "Add a candidate"),
        (f"/candidates/{candidate.pk}/", "Sam Candidate"),
        (f"/candidates/{candidate.pk}/edit/", "Edit Sam Candidate"),
        ("/positions/", "Positions"),
        ("/positions/new/", "Add a position"),
        (f"/positions/{position.pk}/edit/", f"Edit {position.title}"),
        ("/interviews/new/", "Start an interview"),
        (f"/interviews/{interview.pk}/abandon/", "Abandon the interview of Sam Candidate"),
        (f"/interviews/{interview.pk}/finish/", "Finish the interview of Sam Candidate"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        audit.check(page)

    # The finish form's own messages, next to the fields.
    page.get_by_role("button", name="Submit the interview").click()
    expect(page.get_by_text("Choose Advance, Hold or Decline.")).to_be_visible()
    expect(
        page.get_by_text("Write a short summary: the hiring manager reads it first.")
    ).to_be_visible()
    audit.check(page)
    assert Interview.objects.get().status == "in_progress"


def test_workbench_shortcut_sheet_and_conflict_pass_the_audit(page, live_server, audit, sign_in):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    interview = make_interview(recruiter)
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")

    page.keyboard.press("?")
    expect(page.get_by_role("heading", name="Keyboard shortcuts")).to_be_visible()
    audit.check(page)

    # Another tab saves newer notes; this tab's next save is held back and both are shown.
    interview.questions.filter(number=1).update(notes="Saved in the other tab", notes_version=5)
    page.locator("#notes").fill("Typed in this tab")
    expect(page.get_by_text("These notes were changed in another tab or window.")).to_be_visible()
    audit.expect_failures("the 409 response is how the conflict is reported")
    audit.check(page)
    page.get_by_role("button", name="Keep mine").click()
    expect(page.locator("#notes-status")).to_contain_text("Saved at")
    assert interview.questions.get(number=1).notes == "Typed in this tab"


def test_workbench_works_without_javascript(page_without_js, live_server):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    interview = make_interview(recruiter)
    page = page_without_js("rita@example.com")

    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")
    page.locator("#panel .cue input").first.check()
    page.get_by_label("Notes").fill("Typed without JavaScript")
    page.get_by_role("button", name="Strong").click()

    expect(page.get_by_text("Question 2 of 3", exact=True)).to_be_visible()
    expect(page.get_by_text("Saved question 1.")).to_be_visible()
    first = interview.questions.get(number=1)
    assert (first.rating, first.cues_heard, first.notes) == (
        "strong",
        [0],
        "Typed without JavaScript",
    )


def test_focus_after_a_boosted_navigation_is_on_the_new_page(page, live_server, sign_in):
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    make_candidate("Sam Candidate")
    sign_in("rita@example.com")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Candidates").click()
    heading = page.get_by_role("heading", name="Candidates", level=1)
    expect(heading).to_be_focused()
    page.keyboard.press("Tab")  # onwards into the page, not back to "Skip to main content"
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")

    # A form sent back with errors: focus on the first field to fix.
    page.goto(f"{live_server.url}/candidates/new/")
    page.get_by_role("button", name="Save candidate").click()
    expect(page.get_by_label("Name")).to_be_focused()
