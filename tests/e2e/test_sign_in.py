"""Signing in through the real form in Chromium, as each role; every page passes the audit."""

import re

import pytest
from playwright.sync_api import expect

from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_user


@pytest.mark.parametrize("role", [RECRUITER, HIRING_MANAGER, QUESTION_BANK_ADMIN])
@pytest.mark.parametrize("width", [1280, 768])
def test_sign_in_each_role_sees_dashboard_then_signs_out(
    page, live_server, audit, sign_in, role, width
):
    make_user(role, email="person@example.com", first_name="Sam")
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    audit.check(page)

    sign_in("person@example.com")
    expect(page.get_by_role("heading", name="Welcome, Sam")).to_be_visible()
    expect(page.get_by_role("heading", name=role, exact=True)).to_be_visible()
    audit.check(page)

    page.locator("summary", has_text="Account menu").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    audit.check(page)


def test_wrong_password_shows_clear_message_and_sixth_try_is_refused(
    page, live_server, audit, sign_in
):
    make_user(RECRUITER, email="person@example.com")

    sign_in("person@example.com", "not-my-password")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text("The email address and/or password you specified are not correct.")
    expect(page.get_by_label("Email")).to_have_value("person@example.com")
    audit.check(page)

    for _ in range(4):
        sign_in("person@example.com", "not-my-password")
    sign_in("person@example.com")  # the right password, but too late

    expect(page.get_by_role("alert")).to_have_text(
        "Too many failed login attempts. Try again later."
    )
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))


def test_account_pages_pass_the_audit(page, live_server, audit, sign_in):
    make_user(QUESTION_BANK_ADMIN, email="person@example.com")
    page.goto(f"{live_server.url}/accounts/password/reset/")
    expect(page.get_by_role("heading", name="Password Reset")).to_be_visible()
    audit.check(page)

    sign_in("person@example.com")
    page.goto(f"{live_server.url}/accounts/password/change/")
    expect(page.get_by_role("heading", name="Change Password")).to_be_visible()
    audit.check(page)


def test_pages_work_without_javascript(page_without_js, live_server):
    make_user(RECRUITER, email="person@example.com", first_name="Sam")
    page = page_without_js("person@example.com")
    expect(page.get_by_role("heading", name="Welcome, Sam")).to_be_visible()

    page.locator("summary").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_boosted_link_to_forbidden_page_shows_the_error_page(page, live_server, sign_in):
    make_user(RECRUITER, email="person@example.com")
    sign_in("person@example.com")
    page.evaluate(
        "const a = document.createElement('a'); a.href = '/admin/'; a.id = 'to-admin';"
        " a.textContent = 'Admin'; document.querySelector('main').append(a); htmx.process(a)"
    )

    page.locator("#to-admin").click()

    expect(page.get_by_role("heading", name="403 Forbidden")).to_be_visible()


def test_admin_pages_pass_the_audit(page, live_server, audit, sign_in):
    admin = make_user(QUESTION_BANK_ADMIN, email="person@example.com")
    sign_in("person@example.com")

    for path, heading in [
        ("/admin/", "Question bank, glossary and users"),
        ("/admin/auth/user/", "Select user to change"),
        (f"/admin/auth/user/{admin.pk}/change/", "person@example.com"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        audit.check(page)
