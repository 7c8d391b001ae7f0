"""Degrade, don't fail: Redis down, several processes sharing one cache and one glossary."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from glossary.models import Term
from interviews.roles import RECRUITER
from tests.factories import PASSWORD, make_area, make_interview, make_term, make_user

ROOT = Path(__file__).resolve().parent.parent
DOWN = {
    "default": {
        "BACKEND": "project.cache.FallbackRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
    }
}


@pytest.mark.django_db
def test_with_redis_down_sign_in_and_the_workbench_keep_working(client):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    interview = make_interview(recruiter)

    with override_settings(CACHES=DOWN):
        caches.close_all()
        signed_in = client.post(
            "/accounts/login/", {"login": "rita@example.com", "password": PASSWORD}
        )
        page = client.get(f"/interviews/{interview.pk}/q/1/")
        rated = client.post(
            f"/interviews/{interview.pk}/q/1/answer/",
            {"parts": "rating", "rating": "strong"},
            headers={"HX-Request": "true"},
        )
        caches.close_all()

    assert signed_in.status_code == 302
    assert page.status_code == 200
    assert rated.status_code == 200
    assert interview.questions.get(number=1).rating == "strong"


def test_without_redis_the_cache_is_shared_by_processes(tmp_path):
    script = textwrap.dedent(
        """
        import sys, django
        django.setup()
        from django.core.cache import cache
        if sys.argv[1] == "set":
            cache.set("shared-check", "from another process", 60)
        else:
            print(cache.get("shared-check"))
        """
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_CACHE_DIR": str(tmp_path),
    }

    def run(*args):
        return subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    run("set")
    result = run("get")

    assert result.stdout.strip() == "from another process", result.stderr


@pytest.mark.django_db(transaction=True)
def test_a_glossary_change_reaches_another_process_once_committed():
    make_term("django", name="Django", area=make_area())
    database = connection.settings_dict
    url = (
        f"sqlite:///{database['NAME']}"
        if connection.vendor == "sqlite"
        else f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    )
    script = textwrap.dedent(
        """
        import sys, django
        django.setup()
        from django.core.signals import request_started
        from glossary.matching import find_terms
        text = "Built with Django and Zorblang."
        for line in sys.stdin:
            request_started.send(sender=None)  # what every request of a web worker begins with
            print(sorted(term.slug for _, term in find_terms(text)), flush=True)
        """
    )
    worker = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": url,
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        worker.stdin.write("look\n")
        worker.stdin.flush()
        before = worker.stdout.readline().strip()

        Term.objects.create(
            slug="zorblang",
            name="Zorblang",
            area=make_area(),
            meaning="A made-up language.",
            where_seen="Tests.",
            signals="Nothing.",
        )
        worker.stdin.write("look\n")
        worker.stdin.flush()
        after = worker.stdout.readline().strip()
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)

    assert before == "['django']"
    assert after == "['django', 'zorblang']"
