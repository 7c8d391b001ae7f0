"""The Django admin follows the Question-bank admin role, not the staff flag."""

import pytest

from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_bank_admin_can_list_users(client):
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    response = client.get("/admin/auth/user/")

    assert response.status_code == 200
    assert "Select user to change" in response.content.decode()


@pytest.mark.parametrize("role", [RECRUITER, HIRING_MANAGER, None])
def test_admin_other_roles_are_refused(client, role):
    client.force_login(make_user(role))

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]


def test_admin_anonymous_is_sent_to_sign_in(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/", 302),
        ("/accounts/login/?next=/admin/", 302),
    ]
    assert "Sign in" in response.content.decode()


def test_roles_migration_created_groups_with_permissions(django_user_model):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    admin_perms = set(
        Group.objects.get(name=QUESTION_BANK_ADMIN).permissions.values_list("codename", flat=True)
    )

    assert {RECRUITER, HIRING_MANAGER, QUESTION_BANK_ADMIN} <= names
    assert {"add_user", "change_user", "view_user", "view_group"} <= admin_perms


def test_admin_bank_admin_cannot_make_themselves_superuser(client):
    from django.contrib.auth.models import Group

    me = make_user(QUESTION_BANK_ADMIN, email="me@example.com")
    client.force_login(me)
    url = f"/admin/auth/user/{me.pk}/change/"

    form_html = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "username": me.username,
            "email": me.email,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name=QUESTION_BANK_ADMIN).pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    assert 'name="is_superuser"' not in form_html
    assert 'name="groups" value=' in form_html  # roles as checkboxes
    assert response.status_code == 302
    me.refresh_from_db()
    assert not me.is_superuser
    assert not me.is_staff


def test_admin_bank_admin_creates_a_recruiter_who_signs_in_by_email(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    client.force_login(make_user(QUESTION_BANK_ADMIN))
    recruiters = Group.objects.get(name=RECRUITER)

    response = client.post(
        "/admin/auth/user/add/",
        {
            "email": "new.recruiter@example.com",
            "username": "new.recruiter",
            "first_name": "Nia",
            "last_name": "Reed",
            "usable_password": "true",
            "password1": "a-long-first-passphrase",
            "password2": "a-long-first-passphrase",
            "groups": [recruiters.pk],
        },
    )

    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.recruiter@example.com")
    assert list(user.groups.all()) == [recruiters]
    client.logout()
    login = client.post(
        "/accounts/login/",
        {"login": "new.recruiter@example.com", "password": "a-long-first-passphrase"},
    )
    assert login.status_code == 302
    assert login.url == "/"


def test_admin_add_user_requires_email(client):
    from django.contrib.auth import get_user_model

    client.force_login(make_user(QUESTION_BANK_ADMIN))

    response = client.post(
        "/admin/auth/user/add/",
        {"username": "noemail", "usable_password": "false"},
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not get_user_model().objects.filter(username="noemail").exists()


def test_admin_bank_admin_cannot_edit_a_superuser(client):
    boss = make_user(None, email="boss@example.com", superuser=True)
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    page = client.get(f"/admin/auth/user/{boss.pk}/change/")
    post = client.post(f"/admin/auth/user/{boss.pk}/change/", {"email": "mine@example.com"})

    assert 'name="email"' not in page.content.decode()  # read-only view
    assert post.status_code == 403
    boss.refresh_from_db()
    assert boss.email == "boss@example.com"


def test_admin_login_sends_a_signed_in_admin_on_but_never_off_site(client):
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    inside = client.get("/admin/login/?next=/admin/glossary/term/")
    outside = client.get("/admin/login/?next=https://evil.example.com/")

    assert inside.url == "/admin/glossary/term/"
    assert outside.url == "/admin/"
