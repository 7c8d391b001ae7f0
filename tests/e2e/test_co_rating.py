"""Co-rating in Chromium: an interviewer and a co-rater screen the same candidate in two
browser contexts by keyboard; the co-rater submits; both see where they differ."""

import re

from playwright.sync_api import expect

from interviews.models import CoRater
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.e2e.audit import PageAudit, settled
from tests.factories import PASSWORD, make_interview, make_kit, make_position, make_user


def focused_on_offer(page) -> bool:
    """Whether the page's focus is on the offer to finish, within five seconds.

    With two browser windows only one is active, so Playwright's to_be_focused says "inactive"
    for the other; the page itself knows. (wait_for_function would evaluate a string, which the
    Content-Security-Policy forbids.)
    """
    for _ in range(50):
        if page.evaluate("document.activeElement?.hasAttribute('data-finish-offer')"):
            return True
        page.wait_for_timeout(100)
    return False


def sign_in_on(page, live_server, email):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    settled(page, page.get_by_role("button", name="Sign in").click)


def test_interviewer_and_co_rater_screen_blind_and_both_see_the_disagreement(
    page, browser, live_server, audit
):
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    make_user(HIRING_MANAGER, email="eve@example.com", first_name="Eve")
    rita = make_user(RECRUITER, email="rita2@example.com", first_name="Rita")
    screening = make_interview(rita, position=make_position(make_kit(3)))
    base = f"{live_server.url}/interviews/{screening.pk}"

    # The interviewer invites Eve from the workbench.
    sign_in_on(page, live_server, "rita2@example.com")
    page.goto(f"{base}/q/1/")
    page.locator("#co-raters summary").click()
    page.get_by_label("Invite a co-rater").select_option(label="Eve")
    page.get_by_role("button", name="Invite", exact=True).click()
    expect(page.get_by_text("Invited Eve")).to_be_visible()
    audit.check(page)

    # Eve, in her own browser, is told and rates by keyboard, blind.
    eve_context = browser.new_context(base_url=live_server.url)
    eve = eve_context.new_page()
    eve_audit = PageAudit(allowed_host=re.sub(r"^https?://", "", live_server.url))
    eve_audit.watch(eve)
    sign_in_on(eve, live_server, "eve@example.com")
    eve.get_by_role("link", name="Notifications, 1 unread").click()
    eve.get_by_role("link", name=re.compile("Rita invited you to co-rate")).click()
    expect(eve.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
    eve_audit.check(eve)

    page.keyboard.press("s")  # meanwhile Rita rates question 1 Strong
    expect(page.get_by_text("Question 2 of 3", exact=True)).to_be_visible()

    expect(eve.locator('#panel button[value="strong"]')).to_have_attribute("aria-pressed", "false")
    for number, key in enumerate(["w", "a", "s"], start=1):
        expect(eve.get_by_text(f"Question {number} of 3", exact=True)).to_be_visible()
        eve.keyboard.press(key)
    expect(eve.locator("[data-finish-offer]")).to_be_visible()
    assert focused_on_offer(eve)
    eve.keyboard.press("Enter")
    expect(eve.get_by_role("heading", name=re.compile("Submit your ratings"))).to_be_visible()
    eve.get_by_role("button", name="Submit my ratings").press("Enter")
    expect(eve.get_by_role("heading", name=re.compile("How everyone rated"))).to_be_visible()
    expect(eve.get_by_text("(interviewer, not submitted yet)")).to_be_visible()
    expect(eve.locator("tr.raters-differ")).to_have_count(1)  # question 1: Weak against Strong
    eve_audit.check(eve)
    assert CoRater.objects.get().is_submitted

    # Rita finishes by keyboard and sees Eve's ratings on the scorecard.
    page.keyboard.press("a")
    expect(page.get_by_text("Question 3 of 3", exact=True)).to_be_visible()
    page.keyboard.press("a")
    expect(page.locator("[data-finish-offer]")).to_be_visible()
    assert focused_on_offer(page)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Advance")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.type("Good on the basics.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("heading", name="Each rater's ratings")).to_be_visible()
    expect(page.locator("tr.raters-differ")).to_have_count(2)  # 1: Strong/Weak, 3: Average/Strong
    expect(page.get_by_text("Composite over 2 raters: 2.2 of 3")).to_be_visible()
    audit.check(page)

    eve.reload()
    expect(eve.get_by_role("link", name="The scorecard")).to_be_visible()
    expect(eve.locator("tr.raters-differ")).to_have_count(2)
    eve_context.close()


def test_question_statistics_and_calibration_pages_pass_the_audit(page, live_server, audit):
    from interviews.roles import QUESTION_BANK_ADMIN
    from tests.factories import make_candidate, submit

    manager = make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")
    rita = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    eve = make_user(HIRING_MANAGER, email="eve@example.com", first_name="Eve")
    make_user(QUESTION_BANK_ADMIN, email="ada@example.com", first_name="Ada")
    position = make_position(make_kit(3), managers=[manager])
    for n, ratings in enumerate([["strong", "average", "weak"], ["weak", "weak", "average"]]):
        screening = make_interview(rita, position=position, candidate=make_candidate(f"C {n}"))
        co_rater = CoRater.invite(screening, eve, by=rita)
        for number, rating in enumerate(reversed(ratings), start=1):
            co_rater.record_answer(number, rating=rating)
        co_rater.submit()
        submit(screening, ratings)

    sign_in_on(page, live_server, "ada@example.com")
    page.goto(f"{live_server.url}/statistics/questions/")
    expect(page.get_by_role("heading", name="Every question asked")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Eve and Rita|Rita and Eve"))).to_be_visible()
    audit.check(page)

    page.context.clear_cookies()  # sign out
    sign_in_on(page, live_server, "max@example.com")
    page.goto(f"{live_server.url}/calibration/")
    page.get_by_role("link", name="Rita").click()
    expect(page.get_by_role("heading", name="Calibration of Rita")).to_be_visible()
    expect(page.get_by_text("Co-rated screenings: agreement")).to_be_visible()
    audit.check(page)
