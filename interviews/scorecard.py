"""What a scorecard shows besides scores (``interviews.scoring``): its records and history."""

from dataclasses import dataclass
from datetime import datetime

from .agreement import SCALE, agreement
from .models import CoRater, Decision, Interview, InterviewQuestion, Rating
from .scoring import composite, score


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


def _show(value: object, labels: dict[str, str]) -> str:
    if value in ("", None, []):
        return "—"
    return labels.get(value, str(value)) if isinstance(value, str) else str(value)


def _deltas(records: list, fields: list[str]):
    """Each record of one object diffed against the one before it (``diff_against``)."""
    previous: dict[int, object] = {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if before is not None:
            yield record, record.diff_against(before, included_fields=fields).changes


def changes(interview: Interview) -> list[Change]:
    """Every change to the interview's outcome, answers and decision since its first submission.

    django-simple-history keeps the records; each is compared with the one before it with
    ``diff_against``. The answers' records are read only if any came after the answers as
    submitted (usually none), so a scorecard costs three small queries.

    Returns:
        The changes, newest first. The first submission itself is not a change; the first
        decision is (from nothing to its outcome).
    """
    labels = {**dict(Rating.choices), **dict(Decision._meta.get_field("outcome").choices)}
    found: list[Change] = []

    def add(record, what: str, old: object, new: object) -> None:
        when, who = record.history_date, _user_name(record.history_user)
        found.append(Change(when, who, what, _show(old, labels), _show(new, labels)))

    def history(manager, **filters) -> list:
        return list(
            manager.filter(**filters)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )

    outcome_fields = ["status", "recommendation", "summary"]
    for record, deltas in _deltas(
        history(Interview.history, id=interview.pk, submitted_at__isnull=False), outcome_fields
    ):
        for delta in deltas:
            if delta.field == "status":
                verb = "Reopened" if delta.new != "submitted" else "Submitted again"
                who = _user_name(record.history_user)
                reason = record.history_change_reason or ""
                found.append(Change(record.history_date, who, verb, "", "", reason))
            else:
                add(record, delta.field.capitalize(), delta.old, delta.new)

    answers = InterviewQuestion.history.filter(interview_id=interview.pk)
    if answers.exclude(history_change_reason="Submitted").exists():
        for record, deltas in _deltas(
            history(InterviewQuestion.history, interview_id=interview.pk),
            ["rating", "notes", "cues_heard"],
        ):
            for delta in deltas:
                what = (
                    f"Question {record.number} "
                    + {
                        "rating": "rating",
                        "notes": "notes",
                        "cues_heard": "cues heard",
                    }[delta.field]
                )
                if delta.field == "cues_heard":
                    add(record, what, f"{len(delta.old)} ticked", f"{len(delta.new)} ticked")
                else:
                    add(record, what, delta.old, delta.new)

    decisions = history(Decision.history, interview_id=interview.pk)
    if decisions:
        first = decisions[0]
        add(first, "Decision", "", first.outcome)
        if first.note:
            add(first, "Decision note", "", first.note)
    for record, deltas in _deltas(decisions, ["outcome", "note"]):
        for delta in deltas:
            what = {"outcome": "Decision", "note": "Decision note"}[delta.field]
            add(record, what, delta.old, delta.new)
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


def raters(interview: Interview, *, viewer: "CoRater | None" = None) -> dict:
    """Everyone's ratings of ``interview``, question by question: the interviewer's and each
    co-rater's who has submitted; where they differ; the composite and the agreement.

    Args:
        interview: the screening.
        viewer: the co-rater looking (their column is marked as theirs).

    Returns:
        ``raters`` (name, whether it is the interviewer, submitted), ``rows`` (the question and
        one rating per rater, ``differs``), ``agreement``, ``pending`` (invited, not submitted).
    """
    questions = list(interview.questions.order_by("number"))
    co_raters = list(interview.co_raters.select_related("rater").prefetch_related("ratings"))
    submitted = [co for co in co_raters if co.is_submitted]
    pending = [co for co in co_raters if not co.is_submitted]
    sheets = [{q.pk: q.rating for q in questions}] + [
        {r.question_id: r.rating for r in co.ratings.all()} for co in submitted
    ]
    notes = [{q.pk: q.notes for q in questions}] + [
        {r.question_id: r.notes for r in co.ratings.all()} for co in submitted
    ]
    raters = [{"name": interview.interviewer, "interviewer": True, "mine": False}] + [
        {"name": co.rater, "interviewer": False, "mine": viewer is not None and co.pk == viewer.pk}
        for co in submitted
    ]
    rows = []
    for q in questions:
        given = [sheet.get(q.pk, "") for sheet in sheets]
        scored = {r for r in given if r in SCALE}
        rows.append(
            {
                "question": q,
                "ratings": list(zip(given, [n.get(q.pk, "") for n in notes], strict=True)),
                "differs": len(scored) > 1,
            }
        )
    scores = [score(sheet.values()) for sheet in sheets]
    for rater, value in zip(raters, scores, strict=True):
        rater["score"] = value
    return {
        "interview": interview,
        "raters": raters,
        "rows": rows,
        "pending": pending,
        "composite": composite(sheet.values() for sheet in sheets),
        "differing": sum(row["differs"] for row in rows),
        "agreement": agreement(
            [dict(enumerate(sheet.get(q.pk, "") for sheet in sheets)) for q in questions]
        ),
        "viewer": viewer,
    }
