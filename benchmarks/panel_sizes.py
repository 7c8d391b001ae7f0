"""Benchmark: the size of the workbench's answer to a rating, for every question of the bank.

Run with ``make bench``. Loads the shipped content into an in-memory SQLite database, starts one
interview of every question in the bank, rates each in turn as the rating buttons do (htmx) and
measures the answer (the next question's panel, the rated question's rail entry, the progress),
and the whole workbench page once. Prints bytes (raw, as sent before compression); asserts
nothing.
"""

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from interviews.models import Interview, Question  # noqa: E402
from interviews.roles import RECRUITER  # noqa: E402
from tests.factories import make_candidate, make_position, make_user  # noqa: E402

TARGET = 6 * 1024  # the limit for a rating's answer, raw


def main() -> None:
    """Rate every question of the shipped bank in one interview and print the answers' sizes."""
    call_command("migrate", verbosity=0)
    call_command("load_default_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    recruiter = make_user(RECRUITER, email="sizes@example.com")
    bank = list(Question.objects.select_related("area"))
    interview = Interview.objects.start(
        interviewer=recruiter,
        candidate=make_candidate(),
        position=make_position(),
        questions=bank,
        kit_name="Every question of the bank",
        budget_minutes=600,
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(recruiter)
    page = client.get(f"/interviews/{interview.pk}/q/1/").content
    sizes = []
    for number in range(1, len(bank)):
        response = client.post(  # the question's own URL: the same answer, in every version
            f"/interviews/{interview.pk}/q/{number}/answer/",
            {"parts": "rating", "rating": "strong"},
            headers={"HX-Request": "true"},
        )
        sizes.append(len(response.content))
    quartiles = statistics.quantiles(sizes, n=4)
    print(f"workbench page, {len(bank)} questions: {len(page) / 1024:.1f} KB")
    print(
        f"rating answer, {len(sizes)} questions of the bank (KB): "
        f"min {min(sizes) / 1024:.1f}, quartiles {quartiles[0] / 1024:.1f} / "
        f"{quartiles[1] / 1024:.1f} / {quartiles[2] / 1024:.1f}, max {max(sizes) / 1024:.1f}; "
        f"{sum(size < TARGET for size in sizes)} under {TARGET // 1024} KB"
    )


if __name__ == "__main__":
    main()
