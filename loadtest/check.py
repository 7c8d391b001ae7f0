"""Compare the database with every save the load test's recruiters were told had succeeded.

Usage: ``python loadtest/check.py ACKS_FILE``. Prints the number of acknowledged saves and
every one missing from the database; exits 1 if any is missing.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django  # noqa: E402

django.setup()

from interviews.models import Interview, InterviewQuestion  # noqa: E402


def main(path: str) -> int:
    """Check every acknowledged rating, cue set, note and submission against the database.

    A value passes if the database holds the last one acknowledged, or one the same recruiter
    sent after it (still in flight when the run stopped, or answered by a killed worker).
    """
    attempts: dict[tuple, list] = {}
    acknowledged: dict[tuple, int] = {}
    submitted_acks: set[int] = set()
    saves = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        ack = json.loads(line)
        if ack.get("submitted"):
            submitted_acks.add(ack["interview"])
            saves += 1
            continue
        key = (ack["interview"], ack["number"], ack["part"])
        if "attempted" in ack:
            attempts.setdefault(key, []).append(ack["attempted"])
        else:
            acknowledged[key] = len(attempts[key]) - 1
            saves += 1
    questions = {
        (q.interview_id, q.number): q
        for q in InterviewQuestion.objects.filter(interview_id__in={key[0] for key in acknowledged})
    }
    submitted = set(
        Interview.objects.filter(status="submitted", submitted_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    missing = [
        f"interview {pk}: acknowledged as submitted, but is not"
        for pk in sorted(submitted_acks - submitted)
    ]
    for key, index in acknowledged.items():
        interview, number, part = key
        question = questions[(interview, number)]
        actual = {"rating": question.rating, "cues": question.cues_heard, "notes": question.notes}
        allowed = attempts[key][index:]
        if actual[part] not in allowed:
            missing.append(
                f"interview {interview} Q{number} {part}: acknowledged {allowed[0]!r}, "
                f"found {actual[part]!r}"
            )
    print(
        f"acknowledged saves: {saves} ({len(acknowledged)} answer parts, "
        f"{len(submitted_acks)} submissions)"
    )
    print(f"acknowledged but missing or different in the database: {len(missing)}")
    for line in missing[:50]:
        print("  " + line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
