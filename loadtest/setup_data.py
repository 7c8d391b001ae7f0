"""Prepare the load test's database: shipped content, recruiters, a position, candidates.

Run by ``loadtest/run.sh`` with production settings against a fresh PostgreSQL database.
Prints nothing on success. Usage: ``python loadtest/setup_data.py USERS``.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402

from interviews.models import Candidate, Kit, Position  # noqa: E402
from interviews.roles import RECRUITER  # noqa: E402

PASSWORD = "load-test-password-not-secret"


def main(users: int) -> None:
    """Create ``users`` recruiters (loadtest-N@example.com), one position and 200 candidates."""
    call_command("load_default_content", "--if-empty", stdout=open(os.devnull, "w"))  # noqa: SIM115
    group = Group.objects.get(name=RECRUITER)
    User = get_user_model()
    for n in range(users):
        email = f"loadtest-{n}@example.com"
        user = User.objects.create_user(username=email, email=email, password=PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(group)
    Position.objects.create(
        title="Load test position", level="mid", default_kit=Kit.objects.get(slug="mid-screen")
    )
    Candidate.objects.bulk_create(
        Candidate(name=f"Load Candidate {n}", email=f"candidate-{n}@example.org")
        for n in range(200)
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
