"""``make lighthouse``: Lighthouse scores of the main pages, on the production path.

Builds a small SQLite database (the shipped content, a recruiter and a hiring manager, an
interview in progress and a submitted one with a decision), collects static files, serves the
app with gunicorn and production settings, and runs Lighthouse (npm, ``benchmarks/lighthouse``;
Debian's Chromium), with its desktop preset and with its default mobile settings, on the sign-in
page, the recruiter's dashboard, the workbench, the scorecard and the position's review, signed
in through a session cookie. Prints
the four category scores per page; writes each report to ``var/lighthouse/``. Never fails on a
low score: it prints.

Usage: ``python benchmarks/lighthouse.py`` (``--setup`` is the part run inside Django).
"""

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from serve import gunicorn, production_env

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "lighthouse"
PORT = 8112
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Lighthouse's desktop preset, and its default: a mid-range phone on a throttled 4G link.
FORM_FACTORS = ("desktop", "mobile")


def setup() -> None:
    """Inside Django: make the data and print the pages' paths and session cookies as JSON."""
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.core.management import call_command

    from interviews.models import Candidate, Interview, Kit, Position
    from interviews.roles import HIRING_MANAGER, RECRUITER

    call_command("load_default_content", stdout=open(os.devnull, "w"))  # noqa: SIM115

    def person(email: str, role: str, first: str):
        user = get_user_model().objects.create_user(
            username=email, email=email, password="lighthouse-password", first_name=first
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=role))
        session = SessionStore()
        session.update(
            {
                "_auth_user_id": str(user.pk),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                "_auth_user_hash": user.get_session_auth_hash(),
            }
        )
        session.create()
        return user, session.session_key

    recruiter, recruiter_session = person("rita@example.com", RECRUITER, "Rita")
    manager, manager_session = person("max@example.com", HIRING_MANAGER, "Max")
    kit = Kit.objects.get(slug="mid-screen")
    position = Position.objects.create(title="Python developer", level="mid", default_kit=kit)
    position.hiring_managers.add(manager)
    questions = [kq.question for kq in kit.kit_questions.select_related("question__area")]

    def interview(name: str) -> Interview:
        return Interview.objects.start(
            interviewer=recruiter,
            candidate=Candidate.objects.create(name=name, email=f"{name.split()[0]}@example.org"),
            position=position,
            kit=kit,
            questions=questions,
        )

    live = interview("Sam Candidate")
    done = interview("Ada Lovelace")
    for number, rating in enumerate(["strong", "average", "strong", "weak", "strong"], 1):
        done.record_answer(number, rating=rating, notes="Clear answer with an example.")
    done.submit(recommendation="advance", summary="Strong Python; thin on testing.", by=recruiter)
    done.decide(outcome="advance", note="Invite to the technical round.", by=manager)
    print(
        json.dumps(
            {
                "pages": [
                    ("sign-in", "/accounts/login/", None),
                    ("dashboard", "/", recruiter_session),
                    ("workbench", f"/interviews/{live.pk}/q/2/", recruiter_session),
                    ("scorecard", f"/interviews/{done.pk}/scorecard/", recruiter_session),
                    ("review", f"/positions/{position.pk}/", manager_session),
                ]
            }
        )
    )


def main() -> None:
    """Build, serve, score and print."""
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: cd benchmarks/lighthouse && npm ci")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = production_env(
        WORK, f"sqlite:///{WORK / 'db.sqlite3'}", DJANGO_SETTINGS_MODULE="project.settings"
    )
    python = sys.executable
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    made = subprocess.run(
        [python, __file__, "--setup"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    pages = json.loads(made.stdout.splitlines()[-1])["pages"]
    with gunicorn(env, PORT, "/accounts/login/", WORK / "server.log"):
        rows = []
        for (name, path, session), form_factor in itertools.product(pages, FORM_FACTORS):
            report = WORK / f"{name}-{form_factor}.json"
            command = [
                str(LIGHTHOUSE),
                f"http://127.0.0.1:{PORT}{path}",
                *(["--preset=desktop"] if form_factor == "desktop" else []),
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-background-networking --disable-component-update --no-first-run",
            ]
            if session:
                command.append(f"--extra-headers={json.dumps({'Cookie': f'sessionid={session}'})}")
            subprocess.run(
                command, env={**env, "CHROME_PATH": "/usr/bin/chromium"}, check=True, timeout=300
            )
            result = json.loads(report.read_text())
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            failing = [
                audit["id"]
                for audit in result["audits"].values()
                if audit.get("score") is not None
                and audit["score"] < 1
                and audit.get("scoreDisplayMode") == "binary"
            ]
            rows.append((f"{name} ({form_factor})", path, scores, failing))
    print(f"\n{'page':<22}{'performance':>13}{'accessibility':>15}{'best practices':>16}{'SEO':>6}")
    for name, _path, scores, _failing in rows:
        print(
            f"{name:<22}"
            + "".join(f"{s:>{w}}" for s, w in zip(scores, (13, 15, 16, 6), strict=True))
        )
    for name, _path, _scores, failing in rows:
        if failing:
            print(f"  {name}: audits not passed: {', '.join(failing)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--setup"]:
        sys.path.insert(0, str(ROOT))
        setup()
    else:
        main()
