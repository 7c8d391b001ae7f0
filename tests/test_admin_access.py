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
