"""The question bank in Chromium: filtering live with htmx, and every page passes the audit."""

import re
from pathlib import Path

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


def test_bank_filter_works_without_javascript(page_without_js, live_server, bank):
    make_user(RECRUITER, email="person@example.com")
    page = page_without_js("person@example.com")

    page.goto(f"{live_server.url}/bank/")
    page.get_by_label("Level").select_option(label="Junior")
    page.get_by_role("button", name="Show questions").click()

    expected = Question.objects.active().filter(level="junior").count()
    expect(page.get_by_role("heading", name=f"{expected} questions", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"level=junior"))


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


def test_admin_edits_a_question_previews_it_and_imports_a_file(
    page, live_server, audit, sign_in, bank, tmp_path
):
    """Issue 13: an admin who is not an engineer edits, previews and imports in the browser."""
    make_user(QUESTION_BANK_ADMIN, email="admin@example.com")
    sign_in("admin@example.com")
    question = Question.objects.get(slug="python-mutable-immutable")

    page.goto(f"{live_server.url}/admin/interviews/question/{question.pk}/change/")
    page.get_by_label("Must hear").fill("Two names can share one list, so changes show in both.")
    cues = page.get_by_label("Cues")
    cues.fill(cues.input_value() + "\nevidence: a copy bug they fixed themselves")
    page.get_by_label("Search the list: glossary terms").fill("pytest")
    expect(page.locator("#id_terms-filter-count")).to_have_text(re.compile(r"^\d+ shown$"))
    shown = page.locator("#id_terms option:not([hidden])")
    assert 2 <= shown.count() < 20  # the selected terms, and those naming pytest
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    audit.check(page)

    page.get_by_role("link", name="Preview as recruiters see it").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Some Python values")
    expect(
        page.get_by_text("Two names can share one list, so changes show in both.")
    ).to_be_visible()
    expect(page.get_by_text("a copy bug they fixed themselves")).to_be_visible()
    audit.check(page)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name=re.compile("Import or download the question bank")).click()
    shipped = Path(__file__).parents[2] / "content" / "bank.yaml"
    file = tmp_path / "bank.yaml"
    file.write_bytes(shipped.read_bytes())  # the shipped file: puts the edited question back
    page.get_by_label("Question bank or glossary file").set_input_files(str(file))
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_role("heading", name="The file is valid. Applying it would:")
    ).to_be_visible()
    audit.check(page)
    page.get_by_role("button", name="Apply these changes").click()
    expect(
        page.get_by_text("Applied bank.yaml: questions: 0 created, 1 updated, 144 unchanged")
    ).to_be_visible()
    question.refresh_from_db()
    assert question.must_hear == "Two names can share one list, so a change shows up in both."
    assert "a copy bug they fixed themselves" not in str(question.cues)
    audit.check(page)
