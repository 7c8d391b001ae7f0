"""The question bank in Chromium: filtering live with htmx, and every page passes the audit."""

import re

import pytest
from playwright.sync_api import expect

from interviews.models import Kit, Question
from interviews.roles import QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_user


@pytest.fixture
def bank(shipped_content):
    """The shipped glossary and bank."""


def test_bank_filters_update_results_and_url(page, live_server, audit, sign_in, bank):
    make_user(RECRUITER, email="person@example.com")
    sign_in("person@example.com")
    total = Question.objects.active().count()

    page.goto(f"{live_server.url}/bank/")
    expect(page.get_by_role("heading", name=f"{total} questions", exact=True)).to_be_visible()
    audit.check(page)

    page.get_by_label("Area", exact=True).select_option(label="Databases & data")
    page.get_by_label("Level").select_option(label="Senior")
    expected = Question.objects.active().filter(area__slug="data", level="senior").count()
    expect(page.get_by_role("heading", name=f"{expected} questions", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"area=data&level=senior"))

    page.get_by_label("Search").fill("zzzz-no-such-word")
    expect(page.get_by_text("No question matches these filters.")).to_be_visible()
    audit.check(page)


def test_question_page_passes_the_audit(page, live_server, audit, sign_in, bank):
    make_user(RECRUITER, email="person@example.com")
    sign_in("person@example.com")
    question = Question.objects.get(slug="data-n-plus-one")

    page.goto(f"{live_server.url}/bank/")
    page.get_by_role("link", name=question.prompt).click()

    expect(page.get_by_role("heading", name=question.prompt)).to_be_visible()
    expect(page.get_by_role("heading", name="Strong")).to_be_visible()
    audit.check(page)


def test_bank_filter_works_without_javascript(browser, live_server, bank):
    make_user(RECRUITER, email="person@example.com")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("person@example.com")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/bank/")
    page.get_by_label("Level").select_option(label="Junior")
    page.get_by_role("button", name="Show questions").click()

    expected = Question.objects.active().filter(level="junior").count()
    expect(page.get_by_role("heading", name=f"{expected} questions", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"level=junior"))
    context.close()


def test_bank_admin_pages_pass_the_audit(page, live_server, audit, sign_in, bank):
    make_user(QUESTION_BANK_ADMIN, email="person@example.com")
    sign_in("person@example.com")
    kit = Kit.objects.get(slug="mid-screen")
    question = Question.objects.get(slug="data-n-plus-one")

    for path, heading in [
        ("/admin/interviews/question/", "Select question to change"),
        (f"/admin/interviews/question/{question.pk}/change/", "Change question"),
        (f"/admin/interviews/kit/{kit.pk}/change/", "Change kit"),
        ("/admin/glossary/term/", "Select term to change"),
        ("/admin/glossary/term/add/", "Add term"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        audit.check(page)
