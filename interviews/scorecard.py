"""What a scorecard shows besides scores (``interviews.scoring``): its records and history."""

from dataclasses import dataclass
from datetime import datetime

from .models import Decision, Interview, InterviewQuestion, Rating


@dataclass(frozen=True)
class Change:
    """One recorded change: who changed what, when, from which value to which."""

    when: datetime
    who: str
    what: str
    old: str
    new: str
    reason: str = ""


def _user_name(user) -> str:
    return (user.get_full_name() or user.email) if user else "someone"


def _show(value: object, labels: dict[str, str] | None = None) -> str:
    if value in ("", None, []):
        return "—"
    if labels and value in labels:
        return labels[value]
    return str(value)


def _diff(when, who, what: str, old: object, new: object, labels=None) -> list[Change]:
    """A one-item list describing ``what`` going from ``old`` to ``new``; empty if equal."""
    if old == new:
        return []
    return [Change(when, who, what, _show(old, labels), _show(new, labels))]


def changes(interview: Interview) -> list[Change]:
    """Every change to the interview's outcome, answers and decision since its first submission.

    Reads the history tables (three queries) and compares each record with the one before it.

    Returns:
        The changes, newest first. The first submission itself is not a change; the first
        decision is (from nothing to its outcome).
    """
    rating_labels = dict(Rating.choices)
    outcome_labels = dict(Decision._meta.get_field("outcome").choices)
    found: list[Change] = []

    def walk(records, describe) -> None:
        previous: dict[int, object] = {}
        for record in records:
            before = previous.get(record.id)
            previous[record.id] = record
            found.extend(describe(before, record))

    def interview_changes(before, record) -> list[Change]:
        if before is None:
            return []
        who, when = _user_name(record.history_user), record.history_date
        out = []
        if before.status != record.status:
            verb = "Reopened" if record.status != "submitted" else "Submitted again"
            out.append(Change(when, who, verb, "", "", record.history_change_reason or ""))
        out += _diff(
            when,
            who,
            "Recommendation",
            before.recommendation,
            record.recommendation,
            outcome_labels,
        )
        out += _diff(when, who, "Summary", before.summary, record.summary)
        return out

    def question_changes(before, record) -> list[Change]:
        if before is None:
            return []
        who, when = _user_name(record.history_user), record.history_date
        label = f"Question {record.number}"
        return [
            *_diff(when, who, f"{label} rating", before.rating, record.rating, rating_labels),
            *_diff(when, who, f"{label} notes", before.notes, record.notes),
            *_diff(
                when,
                who,
                f"{label} cues heard",
                f"{len(before.cues_heard)} ticked",
                f"{len(record.cues_heard)} ticked",
            ),
        ]

    def decision_changes(before, record) -> list[Change]:
        who, when = _user_name(record.history_user), record.history_date
        return [
            *_diff(
                when,
                who,
                "Decision",
                before.outcome if before else "",
                record.outcome,
                outcome_labels,
            ),
            *_diff(when, who, "Decision note", before.note if before else "", record.note),
        ]

    walk(
        Interview.history.filter(id=interview.pk, submitted_at__isnull=False)
        .select_related("history_user")
        .order_by("history_date", "history_id"),
        interview_changes,
    )
    walk(
        InterviewQuestion.history.filter(interview_id=interview.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id"),
        question_changes,
    )
    walk(
        Decision.history.filter(interview_id=interview.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id"),
        decision_changes,
    )
    return sorted(found, key=lambda c: c.when, reverse=True)


def record_context(interview: Interview) -> dict:
    """The interview's questions, its count of each rating and its red flags (two queries).

    Returns:
        A template context with ``interview``, ``questions``, ``counts`` (rating to how many)
        and ``red_flags``.
    """
    questions = list(interview.questions.all())
    return {
        "interview": interview,
        "questions": questions,
        "counts": {r: sum(q.rating == r for q in questions) for r in Rating.values},
        "red_flags": list(interview.red_flags.all()),
    }
