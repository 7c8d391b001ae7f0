"""Import and export of the bank file: questions, red flags and interview kits.

See docs/content-format.md. The shared machinery (line numbers, validation, error format) lives in
``glossary.content``; questions refer to areas and terms, so the glossary loads first.
"""

from pathlib import Path

from glossary.content import (
    FORMAT_VERSION,
    ContentError,
    Report,
    Spec,
    check_header,
    clean_items,
    dump_yaml,
    line_of,
    read_yaml,
    run_import,
    section,
    text_spec,
    upsert,
)
from glossary.forms import REVIEW_WITHIN_DAYS
from glossary.models import Area, Term

from .models import Kit, KitQuestion, Level, Question, Rating, RedFlag

BANK_FORMAT = "interview-workbench/bank"
LEVELS = tuple(Level.values)

QUESTION_SPECS = [
    Spec("slug", "slug", max_length=80),
    Spec("area", "slug", max_length=80),
    Spec("level", choices=LEVELS, max_length=10),
    Spec("minutes", "int", min_value=1, max_value=15),
    text_spec(Question, "prompt"),
    text_spec(Question, "probes"),
    text_spec(Question, "strong"),
    text_spec(Question, "average"),
    text_spec(Question, "weak"),
    Spec("must_hear", max_length=120, max_words=15, required=False),
    Spec("cues", "cues", max_length=80, min_items=1),
    Spec(
        "follow_ups",
        "records",
        min_items=1,
        fields=(
            Spec("ask", max_length=300),
            Spec("good_if", max_length=200),
            Spec("weak_if", max_length=200),
        ),
    ),
    Spec("variants", "texts", required=False, max_length=500),
    text_spec(Question, "hypothetical", required=False),
    Spec(
        "practice_answers",
        "records",
        required=False,
        fields=(
            Spec("rating", choices=tuple(Rating.values), max_length=10),
            Spec("transcript", max_length=1500),
            Spec("why", max_length=500),
        ),
    ),
    Spec("terms", "slugs", required=False, max_length=80),
    Spec("active", "bool", required=False, default=True),
    Spec("verified", "date", required=False),
    Spec("review_by", "date", required=False),
]
RED_FLAG_SPECS = [
    Spec("slug", "slug", max_length=80),
    text_spec(RedFlag, "name"),
    text_spec(RedFlag, "why"),
]
KIT_SPECS = [
    Spec("slug", "slug", max_length=80),
    text_spec(Kit, "name"),
    Spec("level", choices=LEVELS, max_length=10),
    Spec("minutes", "int", min_value=1, max_value=32767),
    text_spec(Kit, "description"),
    Spec("questions", "slugs", max_length=80, min_items=1),
]

__all__ = ["BANK_FORMAT", "ContentError", "export_bank", "import_bank"]


def import_bank(path: Path | str, *, dry_run: bool = False, text: str | None = None) -> Report:
    """Validate a bank file, then upsert its questions, red flags and kits by slug.

    Everything happens in one transaction; a kit's question list replaces the kit's current one.

    Args:
        path: the file to read (and the name used in problem messages).
        dry_run: validate and apply inside a transaction, then roll it back.
        text: the file's content, if already read.

    Returns:
        What was (or would be) created, updated and left unchanged.

    Raises:
        ContentError: listing every problem (unknown area, level, term or kit question,
            duplicate slug, missing or over-long text, kit over its time budget...); the
            database is then unchanged.
    """
    data, problems = read_yaml(path, text)
    check_header(data, problems, BANK_FORMAT, {"questions", "red_flags", "kits"})
    questions = clean_items(
        section(data, "questions", problems), QUESTION_SPECS, problems, "questions"
    )
    red_flags = clean_items(
        section(data, "red_flags", problems), RED_FLAG_SPECS, problems, "red_flags"
    )
    kits = clean_items(section(data, "kits", problems), KIT_SPECS, problems, "kits")

    areas = Area.objects.in_bulk(field_name="slug")
    terms = Term.objects.in_bulk(field_name="slug")
    minutes = dict(Question.objects.values_list("slug", "minutes"))
    minutes.update({q["slug"]: q.get("minutes", 0) for _, q in questions})
    for item, question in questions:
        slug = question["slug"]
        _check_dates(item, question, problems)
        if "area" in question and question["area"] not in areas:
            problems.add(line_of(item, "area"), slug, "area", f"unknown area {question['area']!r}")
        for term in question.get("terms", []):
            if term not in terms:
                problems.add(
                    line_of(item, "terms"), slug, "terms", f"unknown glossary term {term!r}"
                )
    for item, kit in kits:
        slug = kit["slug"]
        line = line_of(item, "questions")
        unknown = [q for q in kit.get("questions", []) if q not in minutes]
        for question in unknown:
            problems.add(line, slug, "questions", f"unknown question {question!r}")
        if not unknown and "minutes" in kit and "questions" in kit:
            total = sum(minutes[q] for q in kit["questions"])
            if total > kit["minutes"]:
                problems.add(
                    line,
                    slug,
                    "questions",
                    f"take {total} minutes, over the kit's budget of {kit['minutes']}",
                )
    problems.raise_if_any()

    def apply() -> Report:
        report = Report()
        saved = {}
        for _, question in questions:
            values = {k: v for k, v in question.items() if k not in {"slug", "terms", "area"}}
            values["area"] = areas[question["area"]]
            instance = upsert(Question, question["slug"], values, report, "questions")
            wanted = {terms[t].pk for t in question["terms"]}
            if set(instance.terms.values_list("pk", flat=True)) != wanted:
                instance.terms.set(wanted)
            saved[instance.slug] = instance
        for _, flag in red_flags:
            values = {k: v for k, v in flag.items() if k != "slug"}
            upsert(RedFlag, flag["slug"], values, report, "red_flags")
        by_slug = Question.objects.in_bulk(field_name="slug")
        for _, kit in kits:
            values = {k: v for k, v in kit.items() if k not in {"slug", "questions"}}
            instance = upsert(Kit, kit["slug"], values, report, "kits")
            wanted = [by_slug[q].pk for q in kit["questions"]]
            current = list(instance.kit_questions.values_list("question_id", flat=True))
            if current != wanted:
                instance.kit_questions.all().delete()
                KitQuestion.objects.bulk_create(
                    KitQuestion(kit=instance, question_id=pk, number=n)
                    for n, pk in enumerate(wanted, start=1)
                )
        return report

    return run_import(apply, dry_run)


def _check_dates(item, question: dict, problems) -> None:
    """``verified`` and ``review_by`` together, the review after the check, within 18 months."""
    verified, review_by = question.get("verified"), question.get("review_by")
    slug = question["slug"]
    if bool(verified) != bool(review_by):
        missing = "review_by" if verified else "verified"
        problems.add(
            line_of(item, missing), slug, missing, "is missing: give verified and review_by"
        )
    elif verified and review_by and review_by <= verified:
        problems.add(line_of(item, "review_by"), slug, "review_by", "must be after verified")
    elif verified and review_by and (review_by - verified).days > REVIEW_WITHIN_DAYS:
        problems.add(
            line_of(item, "review_by"),
            slug,
            "review_by",
            "must be within 18 months of verified: check dated facts again by then",
        )


def _export_cue(cue: dict) -> dict:
    return {cue["kind"]: cue["text"]}


def export_bank() -> str:
    """Return every question, red flag and kit as a bank file (the format import_bank reads)."""
    questions = Question.objects.select_related("area").prefetch_related("terms").order_by("slug")
    kits = Kit.objects.prefetch_related("kit_questions__question").order_by("slug")
    data = {
        "format": BANK_FORMAT,
        "version": FORMAT_VERSION,
        "questions": [
            {
                "slug": q.slug,
                "area": q.area.slug,
                "level": q.level,
                "minutes": q.minutes,
                "prompt": q.prompt,
                "probes": q.probes,
                "strong": q.strong,
                "average": q.average,
                "weak": q.weak,
                **({"must_hear": q.must_hear} if q.must_hear else {}),
                "cues": [_export_cue(cue) for cue in q.cues],
                "follow_ups": list(q.follow_ups),
                **({"variants": list(q.variants)} if q.variants else {}),
                **({"hypothetical": q.hypothetical} if q.hypothetical else {}),
                **({"practice_answers": list(q.practice_answers)} if q.practice_answers else {}),
                "terms": sorted(t.slug for t in q.terms.all()),
                "active": q.active,
                **({"verified": q.verified, "review_by": q.review_by} if q.verified else {}),
            }
            for q in questions
        ],
        "red_flags": [
            {"slug": f.slug, "name": f.name, "why": f.why} for f in RedFlag.objects.order_by("slug")
        ],
        "kits": [
            {
                "slug": k.slug,
                "name": k.name,
                "level": k.level,
                "minutes": k.minutes,
                "description": k.description,
                "questions": [kq.question.slug for kq in k.kit_questions.all()],
            }
            for k in kits
        ],
    }
    return dump_yaml(data)
