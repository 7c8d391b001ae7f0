"""Notifications in Chromium: the header's unread count, the list, and reading one."""

from playwright.sync_api import expect

from interviews.models import Notification
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_interview, make_position, make_user, submit


def test_a_manager_sees_the_unread_count_opens_the_screening_and_it_is_read(
    page, live_server, audit, sign_in
):
    manager = make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")
    recruiter = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    screening = submit(make_interview(recruiter, position=make_position(managers=[manager])))
    sign_in("max@example.com")

    bell = page.get_by_role("link", name="Notifications, 1 unread")
    expect(bell).to_be_visible()
    bell.click()
    expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()
    expect(page.locator(".notification-unread")).to_have_count(1)
    audit.check(page)

    page.get_by_role("link", name="Rita submitted the screening of Jordan Example").click()
    expect(page).to_have_url(f"{live_server.url}/interviews/{screening.pk}/scorecard/")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    assert Notification.objects.get(recipient=manager).read_at is not None

    page.goto(f"{live_server.url}/notifications/")
    expect(page.locator(".notification-unread")).to_have_count(0)
    page.get_by_label("Also email them to me").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Notifications will no longer be emailed to you.")).to_be_visible()
    expect(page.get_by_label("Also email them to me")).not_to_be_checked()
    audit.check(page)
