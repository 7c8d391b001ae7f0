"""The résumé decoder in Chromium: from a pasted résumé to an interview on its questions."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from glossary.models import Term
from interviews.models import Interview, Kit, Position
from interviews.roles import RECRUITER
from tests.factories import make_user

RESUME = (Path(__file__).resolve().parent.parent / "resumes" / "senior_backend.txt").read_text()
# A list naming a tool nothing knows, so the page's "Listed, but not recognised" card is audited.
RESUME += "\nTooling: Python, Django, Frobnicator, Redis\n"


@pytest.fixture
def content(shipped_content):
    """The shipped glossary and bank."""


def test_paste_decode_hover_and_start_an_interview(page, live_server, audit, sign_in, content):
    make_user(RECRUITER, email="rita@example.com")
    Position.objects.create(
        title="Python developer", level="senior", default_kit=Kit.objects.get(slug="senior-screen")
    )
    sign_in("rita@example.com")

    page.goto(f"{live_server.url}/decoder/")
    audit.check(page)
    page.get_by_label("Paste the résumé").fill(RESUME)
    page.get_by_label("Time for the interview").select_option(label="30 minutes")
    page.get_by_role("button", name="Decode the résumé").click()

    expect(page.get_by_role("heading", name=re.compile(r"\d+ technologies found"))).to_be_visible()
    expect(page.get_by_text("No testing tools mentioned")).to_be_visible()
    unrecognised = page.get_by_role("region", name="Listed, but not recognised")
    expect(unrecognised.get_by_role("listitem")).to_have_text(["Frobnicator"])
    marked = page.locator(".resume-text a.term", has_text="Kubernetes").first
    expect(marked).to_be_visible()
    marked.hover()
    tip = page.locator(f"#{marked.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(Term.objects.get(slug="kubernetes").meaning)
    audit.check(page)

    suggested = page.locator('input[name="questions"]:checked')
    count = suggested.count()
    assert count >= 3
    chosen = [int(suggested.nth(i).get_attribute("value")) for i in range(count)]
    page.get_by_label("New candidate's name").fill("Morgan Fictional")
    page.get_by_label("Position").select_option(label="Python developer")
    page.get_by_role("button", name="Start an interview with these questions").click()

    expect(page).to_have_url(re.compile(r"/interviews/\d+/q/1/$"))
    expect(page.get_by_text(f"Question 1 of {count}", exact=True)).to_be_visible()
    audit.check(page)
    interview = Interview.objects.get()
    assert [q.question_id for q in interview.questions.order_by("number")] == chosen
    assert interview.candidate.resume_text.strip() == RESUME.strip()
