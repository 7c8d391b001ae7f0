"""The glossary in Chromium: pages pass the audit; a term's meaning shows on hover and focus."""

import pytest
from playwright.sync_api import expect

from interviews.models import Kit
from interviews.roles import RECRUITER
from tests.factories import make_candidate, make_interview, make_position, make_user


@pytest.fixture
def content(shipped_content):
    """The shipped glossary and bank."""


def test_glossary_pages_and_search(page, live_server, audit, sign_in, content):
    make_user(RECRUITER, email="rita@example.com")
    sign_in("rita@example.com")

    page.goto(f"{live_server.url}/glossary/")
    expect(page.get_by_role("heading", name="Glossary", exact=True)).to_be_visible()
    audit.check(page)

    page.get_by_label("Search names, other spellings and meanings").fill("k8s")
    expect(page.get_by_text("3 terms for “k8s”")).to_be_visible()  # Kubernetes operator, MicroK8s
    page.get_by_role("link", name="Kubernetes", exact=True).click()
    expect(page.get_by_role("heading", name="Kubernetes", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Questions that cover it")).to_be_visible()
    audit.check(page)


def test_term_meaning_on_hover_and_focus_in_the_workbench(
    page, live_server, audit, sign_in, content
):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    position = make_position(Kit.objects.get(slug="mid-screen"))
    interview = make_interview(recruiter, position=position, candidate=make_candidate())
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")

    term = page.locator("#panel a.term").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    term.hover()
    expect(tip).to_be_visible()
    expect(tip).not_to_be_empty()
    audit.check(page)

    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    term.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_every_term_meaning_stays_on_a_phone_screen(page, live_server, sign_in, content):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    position = make_position(Kit.objects.get(slug="mid-screen"))
    interview = make_interview(recruiter, position=position, candidate=make_candidate())
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("rita@example.com")
    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")

    terms = page.locator("#panel a.term")
    assert terms.count() > 0
    for index in range(terms.count()):
        term = terms.nth(index)
        term.focus()
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 390, term.inner_text()
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= 844, term.inner_text()
