"""Simulated recruiters running screenings the way the workbench does, against two app instances.

Each simulated recruiter signs in, starts a screening, and for every question ticks cues, saves
notes (with their version, as the browser does), rates it with one key, then finishes with a
recommendation. Requests go to either instance at random (``LOADTEST_HOSTS``), with the CSRF
token and htmx headers the browser sends. A request cut off by a killed worker (connection
error, 502/503) is sent again, as the workbench's own retry does; every save the server
acknowledged is written to ``LOADTEST_ACKS`` (one JSON line each) so ``check.py`` can compare
the database with what recruiters were told was saved.
"""

import json
import os
import random
import re
import threading

from locust import HttpUser, between, task
from locust.exception import StopUser

HOSTS = os.environ.get("LOADTEST_HOSTS", "http://127.0.0.1:8101").split(",")
ACKS = os.environ.get("LOADTEST_ACKS", "var/loadtest/acks.jsonl")
PASSWORD = "load-test-password-not-secret"
HTMX = {"HX-Request": "true"}
RETRY_STATUSES = {0, 502, 503, 504}
_users = iter(range(10_000))
_lock = threading.Lock()


def acknowledge(**fields) -> None:
    """Record a save the server acknowledged."""
    with _lock, open(ACKS, "a", encoding="utf-8") as out:
        out.write(json.dumps(fields) + "\n")


class Recruiter(HttpUser):
    """One recruiter screening candidates one after another."""

    host = HOSTS[0]
    wait_time = between(0.3, 1.5)

    def on_start(self) -> None:
        self.number = next(_users)
        self.email = f"loadtest-{self.number}@example.com"
        # Each recruiter at their own address, as the proxy in front reports it (the instances
        # trust one proxy), so per-address sign-in limits apply per person, not to everyone.
        self.address = f"10.{self.number // 250}.{self.number % 250}.1"
        page = self.send("GET", "/accounts/login/", name="sign-in page")
        self.send(
            "POST",
            "/accounts/login/",
            name="sign in",
            data={
                "login": self.email,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.token(page),
            },
        )

    def url(self, path: str) -> str:
        return random.choice(HOSTS) + path

    def token(self, response=None) -> str:
        # The cookies are Secure (production settings); on the loopback they are sent over plain
        # HTTP the way browsers treat localhost.
        for cookie in self.client.cookies:
            cookie.secure = False
        return self.client.cookies.get("csrftoken", "")

    def send(self, method: str, path: str, *, name: str, ok=(200, 302), headers=None, **kwargs):
        """Send a request until it is answered (a killed worker drops it); fail on 5xx."""
        for attempt in range(8):
            headers = {
                **(headers or {}),
                "X-CSRFToken": self.token(),
                "X-Forwarded-For": self.address,
            }
            with self.client.request(
                method,
                self.url(path),
                name=name if attempt == 0 else f"{name} (resent)",
                headers=headers,
                allow_redirects=False,
                catch_response=True,
                **kwargs,
            ) as response:
                if response.status_code in RETRY_STATUSES:
                    response.success()  # counted under "(resent)"; the retry below decides
                    continue
                if response.status_code not in ok:
                    response.failure(f"{response.status_code}: {response.text[:200]}")
                    return response
                response.success()
                return response
        raise StopUser(f"{name}: no answer after 8 attempts")

    @task
    def screen_a_candidate(self) -> None:
        page = self.send("GET", "/interviews/new/", name="start page")
        candidate = random.choice(re.findall(r'<option value="(\d+)">Load Candidate', page.text))
        position = re.search(r'<option value="(\d+)">Load test position', page.text).group(1)
        started = self.send(
            "POST",
            "/interviews/new/",
            name="start",
            data={"candidate": candidate, "position": position, "kit": ""},
            ok=(302,),
        )
        interview = int(re.search(r"/interviews/(\d+)/", started.headers["Location"]).group(1))
        first = self.send("GET", f"/interviews/{interview}/q/1/", name="question")
        total = int(re.search(r"Question 1 of (\d+)", first.text).group(1))
        for number in range(1, total + 1):
            self.answer(interview, number)
        self.send(
            "POST",
            f"/interviews/{interview}/finish/",
            name="finish",
            data={"recommendation": "advance", "summary": "Load test summary."},
            ok=(302,),
        )
        acknowledge(interview=interview, submitted=True)

    def answer(self, interview: int, number: int) -> None:
        url = f"/interviews/{interview}/q/{number}/answer/"
        cues = sorted(random.sample(range(3), random.randint(1, 3)))
        self.save(interview, number, "cue tick", url, cues=cues)
        version = 0
        for draft in range(1, 4):
            notes = f"Recruiter {self.number} note on Q{number}, draft {draft}."
            response = self.save(
                interview, number, "notes autosave", url, notes=notes, notes_version=version
            )
            found = re.search(r'name="notes_version" value="(\d+)"', response.text)
            if response.status_code == 200 and found:
                version = int(found.group(1))
        rating = random.choice(["strong", "average", "weak", "skipped"])
        self.save(interview, number, "rating save", url, rating=rating)

    def save(self, interview: int, number: int, name: str, url: str, **data):
        """Post one part of an answer as the workbench does; record the attempt and the answer."""
        part = next(key for key in ("cues", "notes", "rating") if key in data)
        key = {"interview": interview, "number": number, "part": part}
        acknowledge(**key, attempted=data[part])
        response = self.send("POST", url, name=name, headers=HTMX, data={"parts": part, **data})
        if response.status_code == 200:
            acknowledge(**key, saved=data[part])
        return response
