"""Create one demo account per role, for trying the workbench."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from interviews.models import Kit, Position
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER

DEMO_KIT = "mid-screen"
DEMO_POSITION = "Python full-stack developer"

DEMO_ACCOUNTS = (
    ("recruiter@example.com", "Riley", "Recruiter", RECRUITER),
    ("manager@example.com", "Morgan", "Manager", HIRING_MANAGER),
    ("admin@example.com", "Alex", "Admin", QUESTION_BANK_ADMIN),
)


class Command(BaseCommand):
    """``manage.py create_demo_accounts [--reset-passwords]``.

    Creates recruiter@example.com, manager@example.com and admin@example.com, each in its role's
    group, with a random password printed once. Existing accounts keep their password unless
    ``--reset-passwords`` is given. If there is no position yet and the shipped mid-level kit
    exists, also creates a demo position for it, managed by the demo hiring manager, so an
    interview can start at once. Exits non-zero (CommandError) if a role group is missing, which
    means the migrations have not run.
    """

    help = "Create one demo account per role and print their passwords once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset-passwords", action="store_true", help="Renew passwords.")

    @transaction.atomic
    def handle(self, *args: object, reset_passwords: bool = False, **options: object) -> None:
        User = get_user_model()
        lines = []
        for email, first, last, role in DEMO_ACCOUNTS:
            try:
                group = Group.objects.get(name=role)
            except Group.DoesNotExist as exc:
                raise CommandError(f"The group {role!r} is missing: run `migrate` first.") from exc
            user = User.objects.filter(email__iexact=email).first()
            created = user is None
            if created:
                user = User(username=email, email=email, first_name=first, last_name=last)
            if created or reset_passwords:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
                lines.append(f"  {role:<20} {email:<24} {password}")
            else:
                lines.append(f"  {role:<20} {email:<24} (exists; password unchanged)")
            user.groups.add(group)
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write("Demo accounts (passwords are shown only once):")
        for line in lines:
            self.stdout.write(line)
        kit = Kit.objects.filter(slug=DEMO_KIT).first()
        if kit and not Position.objects.exists():
            position = Position.objects.create(
                title=DEMO_POSITION, level=kit.level, default_kit=kit
            )
            position.hiring_managers.add(User.objects.get(email="manager@example.com"))
            self.stdout.write(f"Demo position: {position.title} ({kit.name}).")
