"""Calibration practice in Chromium: a recruiter rates a whole kit by keyboard and reads the
results; every page passes the audit."""

import re

from playwright.sync_api import expect

from interviews.models import Kit, Practice
from interviews.roles import RECRUITER
from tests.factories import make_user


def test_a_recruiter_completes_a_practice_kit_by_keyboard(
    page, live_server, audit, sign_in, shipped_content
):
    make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    kit = Kit.objects.get(slug="junior-screen")
    sign_in("rita@example.com")

    page.goto(f"{live_server.url}/practice/")
    audit.check(page)
    page.get_by_role("button", name=f"Practise {kit.name} kit").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Answer 1 of \d+$"))).to_be_visible()
    total = Practice.objects.get().answers.count()
    assert total >= 3 * kit.kit_questions.count()
    expect(page.get_by_role("heading", name=f"Answer 1 of {total}")).to_be_visible()
    expect(page.get_by_role("button", name="Read it aloud")).to_be_visible()
    audit.check(page)

    practice = Practice.objects.get()
    engineer = list(practice.answers.order_by("number").values_list("engineer_rating", flat=True))
    keys = {"strong": "s", "average": "a", "weak": "w"}
    mine = [("average" if r == "strong" else r) for r in engineer]  # too severe on Strong ones
    for number, rating in enumerate(mine, start=1):
        expect(page.get_by_role("heading", name=f"Answer {number} of {total}")).to_be_visible()
        page.keyboard.press(keys[rating])

    same = sum(a == b for a, b in zip(mine, engineer, strict=True))
    expect(
        page.get_by_role("heading", name=f"You rated {same} of {total} answers as the engineer did")
    ).to_be_visible()
    expect(page.get_by_text("Severe:", exact=False)).to_be_visible()
    audit.check(page)
    assert list(practice.answers.order_by("number").values_list("rating", flat=True)) == mine

    page.get_by_role("link", name="Your calibration").click()
    expect(page.get_by_role("heading", name=kit.name)).to_be_visible()
    audit.check(page)
