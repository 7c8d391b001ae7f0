"""Signing in and out, password reset and change, closed sign-up, login rate limits."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from interviews.roles import RECRUITER
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def test_login_with_email_and_password_redirects_to_dashboard(client):
    make_user(RECRUITER, email="ana@example.com")

    response = client.post(LOGIN, {"login": "ana@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("interviews:dashboard")
    assert client.session["_auth_user_id"]


def test_login_with_wrong_password_shows_message_and_keeps_email(client):
    make_user(RECRUITER, email="ana@example.com")

    response = client.post(LOGIN, {"login": "ana@example.com", "password": "wrong"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in html
    assert 'value="ana@example.com"' in html
    assert "_auth_user_id" not in client.session


def test_sixth_wrong_password_is_rate_limited_even_with_the_right_one(client):
    make_user(RECRUITER, email="ana@example.com")
    for _ in range(5):
        client.post(LOGIN, {"login": "ana@example.com", "password": "wrong"})

    response = client.post(LOGIN, {"login": "ana@example.com", "password": PASSWORD})

    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": "Xy7!long-pass", "password2": "Xy7!long-pass"},
    )

    assert "Sign Up Closed" in response.content.decode()
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_login_page_does_not_offer_sign_up(client):
    html = client.get(LOGIN).content.decode()

    assert "/accounts/signup/" not in html
    assert "Ask a Question-bank admin to create one for you." in html


def test_password_reset_sends_a_working_link(client):
    user = make_user(RECRUITER, email="ana@example.com")

    client.post("/accounts/password/reset/", {"email": "ana@example.com"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.com"]
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_password_change_requires_old_password(client):
    user = make_user(RECRUITER)
    client.force_login(user)

    wrong = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "nope",
            "password1": "another-passphrase",
            "password2": "another-passphrase",
        },
    )
    right = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "another-passphrase",
            "password2": "another-passphrase",
        },
    )

    assert "Please type your current password." in wrong.content.decode()
    assert right.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-passphrase")


def test_sign_out_ends_the_session(client):
    client.force_login(make_user(RECRUITER))

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_login_limit_holds_across_host_ports_and_spellings_of_the_email(client):
    make_user(RECRUITER, email="ana@example.com")
    spellings = ["ana@example.com", "ANA@example.com", " Ana@Example.COM ", "ana@EXAMPLE.com"]
    for attempt in range(5):
        client.post(
            LOGIN,
            {"login": spellings[attempt % 4], "password": "wrong"},
            HTTP_HOST=f"localhost:{8000 + attempt}",
        )

    response = client.post(
        LOGIN, {"login": "ana@example.com", "password": PASSWORD}, HTTP_HOST="localhost:9999"
    )

    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_limit_per_address_uses_the_client_behind_the_trusted_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        make_user(RECRUITER, email=f"person{n}@example.com")
        client.post(
            LOGIN,
            {"login": f"person{n}@example.com", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    make_user(RECRUITER, email="ana@example.com")

    blocked = client.post(
        LOGIN,
        {"login": "ana@example.com", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    other = client.post(
        LOGIN,
        {"login": "ana@example.com", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )

    assert "Too many failed login attempts" in blocked.content.decode()
    assert other.status_code == 302


def test_trusted_proxy_count_comes_from_the_environment():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        ],
        cwd=root,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "project.settings",
            "DJANGO_DEBUG": "1",
            "DJANGO_TRUSTED_PROXY_COUNT": "2",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "2", result.stderr
