"""The create_demo_accounts command behind `make run`."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command("create_demo_accounts", *args, stdout=out)
    return out.getvalue()


def test_demo_accounts_one_per_role_with_printed_passwords():
    output = _run()

    User = get_user_model()
    for email, role in [
        ("recruiter@example.com", "Recruiter"),
        ("manager@example.com", "Hiring manager"),
        ("admin@example.com", "Question-bank admin"),
    ]:
        user = User.objects.get(email=email)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        password = next(line.split()[-1] for line in output.splitlines() if email in line)
        assert user.check_password(password)


def test_demo_accounts_rerun_keeps_passwords():
    first = _run()
    password = next(line.split()[-1] for line in first.splitlines() if "recruiter@" in line)

    second = _run()

    assert "(exists; password unchanged)" in second
    assert get_user_model().objects.get(email="recruiter@example.com").check_password(password)
    assert get_user_model().objects.filter(email__endswith="@example.com").count() == 3


def test_demo_accounts_reset_passwords_gives_new_ones():
    _run()

    output = _run("--reset-passwords")

    password = next(line.split()[-1] for line in output.splitlines() if "admin@" in line)
    assert get_user_model().objects.get(email="admin@example.com").check_password(password)


def test_demo_accounts_without_groups_fails_clearly():
    Group.objects.all().delete()

    with pytest.raises(CommandError, match="run `migrate` first"):
        _run()

    assert not get_user_model().objects.exists()


def test_demo_position_is_created_once_when_the_kit_exists():
    from interviews.models import Position
    from tests.factories import make_kit

    make_kit(2, slug="mid-screen")
    _run()
    _run()

    position = Position.objects.get()
    assert position.default_kit.slug == "mid-screen"
    assert list(position.hiring_managers.values_list("email", flat=True)) == ["manager@example.com"]


def test_no_demo_position_without_the_kit():
    from interviews.models import Position

    _run()

    assert not Position.objects.exists()
