"""Import and export of the bank file: questions, red flags and interview kits.

See docs/content-format.md. The shared machinery (line numbers, validation, error format) lives in
``glossary.content``; questions refer to areas and terms, so the glossary loads first.
"""

from pathlib import Path

from glossary.content import (
    FORMAT_VERSION,
    Collector,
    ContentError,
    LineDict,
    Report,
    check_header,
    check_keys,
    dump_yaml,
    form_data,
    items_with_slugs,
    line_of,
    read_yaml,
    record_form_errors,
    run_import,
    save_form,
    section,
)
from glossary.models import Area, Term

from .forms import KitForm, QuestionForm, RedFlagForm
from .models import Kit, KitQuestion, Question, RedFlag

BANK_FORMAT = "interview-workbench/bank"

__all__ = ["BANK_FORMAT", "ContentError", "export_bank", "import_bank"]


def import_bank(path: Path | str, *, dry_run: bool = False, text: str | None = None) -> Report:
    """Validate a bank file, then upsert its questions, red flags and kits by slug.

    Each item is checked by the admin's own form (``QuestionForm``, ``RedFlagForm``,
    ``KitForm``), so the file and the admin enforce the same rules; problems name the file's
    line. Everything happens in one transaction; a kit's question list replaces its current one.

    Arguments and return value as for ``glossary.content.import_glossary``.

    Raises:
        ContentError: listing every problem (unknown area, level, term or kit question,
            duplicate slug, missing or over-long text, kit over its time budget...); the
            database is then unchanged.
    """
    data, problems = read_yaml(path, text)
    check_header(data, problems, BANK_FORMAT, {"questions", "red_flags", "kits"})
    questions = items_with_slugs(section(data, "questions", problems), problems, "questions")
    red_flags = items_with_slugs(section(data, "red_flags", problems), problems, "red_flags")
    kits = items_with_slugs(section(data, "kits", problems), problems, "kits")
    problems.raise_if_any()
    return run_import(lambda: _apply_bank(questions, red_flags, kits, problems), dry_run)


def _apply_bank(
    questions: list[tuple[str, LineDict]],
    red_flags: list[tuple[str, LineDict]],
    kits: list[tuple[str, LineDict]],
    problems: Collector,
) -> Report:
    """Save the file's items through their forms (inside the import's transaction).

    Raises:
        ContentError: a form or a cross-check refused an item; the transaction is rolled back.
    """
    report = Report()
    area_ids = dict(Area.objects.values_list("slug", "pk"))
    term_ids = dict(Term.objects.values_list("slug", "pk"))
    existing = Question.objects.in_bulk([slug for slug, _ in questions], field_name="slug")
    for slug, item in questions:
        check_keys(item, QuestionForm.base_fields, problems, slug)
        values = form_data(item, QuestionForm, {"area", "terms"}, problems, slug)
        if "active" not in item:
            values["active"] = "on"  # a question is in use unless the file says otherwise
        area = item.get("area")
        if area is not None and area not in area_ids:
            problems.add(line_of(item, "area"), slug, "area", f"unknown area {area!r}")
        values["area"] = area_ids.get(area)
        values["terms"] = _term_ids(item, term_ids, problems, slug)
        form = QuestionForm(values, instance=existing.get(slug))
        # an unknown area was reported above, by its name
        reported = ["area"] if area is not None else []
        save_form(form, report, "questions", slug, item, problems, reported=reported)
    existing_flags = RedFlag.objects.in_bulk([slug for slug, _ in red_flags], field_name="slug")
    for slug, item in red_flags:
        check_keys(item, RedFlagForm.base_fields, problems, slug)
        form = RedFlagForm(
            form_data(item, RedFlagForm, set(), problems, slug), instance=existing_flags.get(slug)
        )
        save_form(form, report, "red_flags", slug, item, problems)
    problems.raise_if_any()
    minutes = dict(Question.objects.values_list("slug", "minutes"))
    existing_kits = Kit.objects.in_bulk([slug for slug, _ in kits], field_name="slug")
    for slug, item in kits:
        check_keys(item, [*KitForm.base_fields, "questions"], problems, slug)
        wanted = _kit_questions(item, minutes, problems, slug)
        values = form_data(item, KitForm, {"questions"}, problems, slug)
        form = KitForm(values, instance=existing_kits.get(slug))
        if not form.is_valid():
            record_form_errors(form, item, problems, slug)
            continue
        budget = form.cleaned_data["minutes"]
        total = sum(minutes[q] for q in wanted or [])
        if wanted is None or total > budget:
            if wanted is not None:
                problems.add(
                    line_of(item, "questions"),
                    slug,
                    "questions",
                    f"take {total} minutes, over the kit's budget of {budget}",
                )
            continue
        outcome = "created" if form.instance.pk is None else form.has_changed() and "updated"
        kit = form.save() if outcome else form.instance
        reordered = _set_kit_questions(kit, wanted)
        report.count("kits", outcome or ("updated" if reordered else "unchanged"), kit.slug)
    problems.raise_if_any()
    return report


def _term_ids(item: LineDict, term_ids: dict[str, int], problems: Collector, slug: str) -> list:
    """The ids of a question's glossary terms; unknown slugs are recorded as problems."""
    terms = item.get("terms") or []
    if not isinstance(terms, list):
        problems.add(line_of(item, "terms"), slug, "terms", "must be a list of term slugs")
        return []
    for term in terms:
        if term not in term_ids:
            problems.add(line_of(item, "terms"), slug, "terms", f"unknown glossary term {term!r}")
    return [term_ids[t] for t in terms if t in term_ids]


def _kit_questions(
    item: LineDict, minutes: dict[str, int], problems: Collector, slug: str
) -> list[str] | None:
    """A kit's question slugs in order, or None (with the problems recorded) if unusable."""
    listed = item.get("questions")
    line = line_of(item, "questions")
    if not isinstance(listed, list) or not listed:
        problems.add(line, slug, "questions", "must list at least one question slug")
        return None
    unknown = [q for q in listed if q not in minutes]
    for question in unknown:
        problems.add(line, slug, "questions", f"unknown question {question!r}")
    if len(set(listed)) != len(listed):
        problems.add(line, slug, "questions", "lists the same question twice")
        return None
    return None if unknown else listed


def _set_kit_questions(kit: Kit, wanted: list[str]) -> bool:
    """Make the kit ask ``wanted`` in that order; returns whether that changed anything."""
    ids = dict(Question.objects.filter(slug__in=wanted).values_list("slug", "pk"))
    order = [ids[slug] for slug in wanted]
    if list(kit.kit_questions.order_by("number").values_list("question_id", flat=True)) == order:
        return False
    kit.kit_questions.all().delete()
    KitQuestion.objects.bulk_create(
        KitQuestion(kit=kit, question_id=pk, number=n) for n, pk in enumerate(order, start=1)
    )
    return True


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
