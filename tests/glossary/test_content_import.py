"""Importing content files: every kind of bad input is reported and changes nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from glossary.content import ContentError, export_glossary, import_glossary
from glossary.models import Area, Term
from interviews.content import export_bank, import_bank
from interviews.models import Kit, KitQuestion, Question, RedFlag
from tests.conftest import CONTENT_MODELS, content_model

pytestmark = pytest.mark.django_db

GLOSSARY = """\
format: interview-workbench/glossary
version: 1
areas:
  - slug: python
    name: Python language
    order: 1
    description: The language itself.
terms:
  - slug: pip
    name: pip
    aliases: [pip3]
    area: python
    meaning: Installs Python packages.
    where_seen: Every Python project.
    signals: Basic; expected of everyone.
    related: [venv]
  - slug: venv
    name: venv
    area: python
    meaning: Keeps each project's packages apart.
    where_seen: Every Python project.
    signals: Missing it is a red flag.
"""

BANK = """\
format: interview-workbench/bank
version: 1
questions:
  - slug: python-venv
    area: python
    level: junior
    minutes: 3
    prompt: How do you keep one project's packages apart from another's?
    probes: Whether they use virtual environments.
    strong: Names venv or uv and a lock file.
    average: Knows venv but not lock files.
    weak: Installs everything globally.
    must_hear: One environment per project.
    cues:
      - venv
      - idea: lock file
      - evidence: names a project where versions clashed
    follow_ups:
      - ask: What goes in the lock file?
        good_if: Exact versions of every package.
        weak_if: Not sure.
    terms: [venv, pip]
red_flags:
  - slug: no-venv
    name: No virtual environments
    why: Installs everything globally.
kits:
  - slug: tiny
    name: Tiny screen
    level: junior
    minutes: 5
    description: One question.
    questions: [python-venv]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot() -> dict:
    """Everything an import could change, as plain data."""
    return {
        "glossary": export_glossary(),
        "bank": export_bank(),
        "counts": [m.objects.count() for m in (Area, Term, Question, RedFlag, Kit, KitQuestion)],
    }


@pytest.fixture
def loaded(tmp_path):
    import_glossary(write(tmp_path, "glossary.yaml", GLOSSARY))
    import_bank(write(tmp_path, "bank.yaml", BANK))
    return snapshot()


def problems_of(importer, path) -> list[str]:
    with pytest.raises(ContentError) as error:
        importer(path)
    return [str(p) for p in error.value.problems]


def test_import_valid_files_creates_everything(loaded):
    question = Question.objects.get(slug="python-venv")

    assert loaded["counts"] == [1, 2, 1, 1, 1, 1]
    assert question.cues == [
        {"kind": "idea", "text": "venv"},
        {"kind": "idea", "text": "lock file"},
        {"kind": "evidence", "text": "names a project where versions clashed"},
    ]
    assert question.must_hear == "One environment per project."
    assert question.follow_ups == [
        {
            "ask": "What goes in the lock file?",
            "good_if": "Exact versions of every package.",
            "weak_if": "Not sure.",
        }
    ]
    assert sorted(question.terms.values_list("slug", flat=True)) == ["pip", "venv"]
    assert list(Term.objects.get(slug="pip").related.values_list("slug", flat=True)) == ["venv"]
    assert Term.objects.get(slug="pip").aliases == ["pip3"]


def test_reimport_sets_the_links_of_the_terms_in_the_file_and_no_others(tmp_path, loaded):
    pip, venv = Term.objects.get(slug="pip"), Term.objects.get(slug="venv")
    outside = Term.objects.create(
        slug="conda", name="conda", area=pip.area, meaning="m", where_seen="w", signals="s"
    )
    outside.related.set([pip])  # a term the file does not define keeps its links
    changed = GLOSSARY.replace("    related: [venv]\n", "").replace(
        "    signals: Missing it is a red flag.\n",
        "    signals: Missing it is a red flag.\n    related: [pip, conda]\n",
    )

    import_glossary(write(tmp_path, "changed.yaml", changed))

    assert list(pip.related.values_list("slug", flat=True)) == []
    assert sorted(venv.related.values_list("slug", flat=True)) == ["conda", "pip"]
    assert list(outside.related.values_list("slug", flat=True)) == ["pip"]


def test_import_bad_yaml_reports_line_and_changes_nothing(tmp_path, loaded):
    path = write(tmp_path, "bad.yaml", GLOSSARY.replace("    order: 1", "    order: [1"))

    problems = problems_of(import_glossary, path)

    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:7: file: -: not valid YAML")
    assert snapshot() == loaded


def test_import_duplicate_slug(tmp_path, loaded):
    second = GLOSSARY.split("  - slug: venv")[1]
    path = write(tmp_path, "glossary.yaml", GLOSSARY + "  - slug: venv" + second)

    problems = problems_of(import_glossary, path)

    assert f"{path}:23: venv: slug: duplicate slug (first used on line 17)" in problems
    assert snapshot() == loaded


@pytest.mark.parametrize(
    ("file", "changes", "expected"),
    [
        (
            "bank",
            {"    strong: Names venv or uv and a lock file.\n": ""},
            ["4: python-venv: strong: This field is required."],
        ),
        (
            "glossary",
            {"related: [venv]": "related: [conda]"},
            ["16: pip: related: unknown term 'conda'"],
        ),
        (
            "bank",
            {"questions: [python-venv]": "questions: [nope]"},
            ["33: tiny: questions: unknown question 'nope'"],
        ),
        (
            "bank",
            # 650 characters once trimmed: over the 600 of a guidance field
            {"Installs everything globally.\n    must_hear": "word " * 130 + "\n    must_hear"},
            ["12: python-venv: weak: Ensure this value has at most 600 characters (it has 649)."],
        ),
        (
            "bank",
            {"terms: [venv, pip]": "terms: [venv, cobol]"},
            ["22: python-venv: terms: unknown glossary term 'cobol'"],
        ),
        (
            "glossary",
            {"    name: venv\n": "    name: venv\n    aliases: [PIP3]\n"},
            ["19: venv: aliases: 'PIP3' is already a name or alias of 'pip'"],
        ),
        (
            "bank",
            {
                "    area: python": "    area: cobol",
                "    level: junior\n    minutes: 3": "    level: guru\n    minutes: 3",
            },
            [
                "5: python-venv: area: unknown area 'cobol'",
                "6: python-venv: level: Select a valid choice. guru is not one of the available"
                " choices.",
            ],
        ),
        (
            "bank",
            {
                "    minutes: 5\n": "    minutes: 2\n",
                "    name: Tiny screen\n": "    name: Tiny screen\n    colour: blue\n",
            },
            [
                "30: tiny: colour: unknown key (is it misspelt?)",
                "34: tiny: questions: take 3 minutes, over the kit's budget of 2",
            ],
        ),
        (  # every problem at once
            "bank",
            {
                "level: junior\n    minutes: 3": "level: guru\n    minutes: 99",
                "why: Installs everything globally.": "why: ''",
            },
            [
                "6: python-venv: level: Select a valid choice. guru is not one of the available"
                " choices.",
                "7: python-venv: minutes: Ensure this value is less than or equal to 15.",
                "26: no-venv: why: This field is required.",
            ],
        ),
    ],
)
def test_import_names_each_problem_and_its_line(tmp_path, loaded, file, changes, expected):
    text, importer = (BANK, import_bank) if file == "bank" else (GLOSSARY, import_glossary)
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path = write(tmp_path, f"{file}.yaml", text)

    assert sorted(problems_of(importer, path)) == sorted(f"{path}:{e}" for e in expected)
    assert snapshot() == loaded


def test_import_command_prints_problems_and_exits_non_zero(tmp_path, loaded):
    path = write(
        tmp_path,
        "bank.yaml",
        BANK.replace("level: junior\n    minutes: 3", "level: guru\n    minutes: 3"),
    )

    with pytest.raises(CommandError) as error:
        call_command("import_bank", str(path))

    assert str(error.value) == (
        f"{path}: nothing imported, 1 problem(s):\n"
        f"{path}:6: python-venv: level: Select a valid choice. "
        "guru is not one of the available choices."
    )
    assert snapshot() == loaded


def test_import_dry_run_reports_and_saves_nothing(tmp_path, loaded):
    path = write(tmp_path, "bank.yaml", BANK.replace("Tiny screen", "Small screen"))
    out = StringIO()

    call_command("import_bank", str(path), "--dry-run", stdout=out)

    assert (
        "Dry run, nothing saved. Would have: kits: 0 created, 1 updated, 0 unchanged"
        in out.getvalue()
    )
    assert snapshot() == loaded


def test_import_upserts_by_slug(tmp_path, loaded):
    path = write(tmp_path, "bank.yaml", BANK.replace("Tiny screen", "Small screen"))

    report = import_bank(path)

    assert Kit.objects.get(slug="tiny").name == "Small screen"
    assert report.updated == {"kits": 1}
    assert report.unchanged == {"questions": 1, "red_flags": 1}


def content_rows() -> dict[str, list[dict]]:
    """Every row of every table the shipped content fills, every column, in id order."""
    return {
        label: list(content_model(apps, label).objects.order_by("pk").values())
        for label in CONTENT_MODELS
    }


def test_export_then_import_gives_identical_data(tmp_path, shipped_content):
    # Imported over the data it came from: an item whose exported form lost or changed any
    # field would differ from its saved object and be updated (or a link list be rewritten),
    # so every item must come back unchanged. (Importing into an empty database is what the
    # run's one load of the shipped files does; the whole file again there cost 14 s.) The rows
    # after are compared column by column: a second export would show less, at twice the cost.
    before = content_rows()
    glossary_file = write(tmp_path, "g.yaml", export_glossary())
    bank_file = write(tmp_path, "b.yaml", export_bank())

    reports = [import_glossary(glossary_file), import_bank(bank_file)]

    assert [(report.created, report.updated) for report in reports] == [({}, {}), ({}, {})]
    assert reports[0].unchanged["terms"] == Term.objects.count()
    assert reports[1].unchanged["questions"] == Question.objects.count()
    assert content_rows() == before


def test_export_command_writes_to_stdout(loaded):
    out = StringIO()

    call_command("export_bank", stdout=out)

    assert out.getvalue() == loaded["bank"]
    assert out.getvalue().startswith("format: interview-workbench/bank\nversion: 1\nquestions:\n")


# --- The round-2 term fields, checked by the admin's TermForm ----------------------------------

PY2 = """\
  - slug: python-2
    name: Python 2
    area: python
    meaning: The old line of Python, retired in 2020.
    where_seen: Old résumés and old code.
    signals: Ask what they use now.
    tags: [outdated]
    successors: [venv]
    kind: technology
    other_meanings: [Python 2 seater]
    case_sensitive: true
    verified: 2026-11-27
    review_by: 2027-11-27
"""


def test_new_term_fields_are_imported_and_exported(tmp_path, loaded):
    import_glossary(write(tmp_path, "g.yaml", GLOSSARY + PY2))

    term = Term.objects.get(slug="python-2")
    exported = export_glossary()
    assert list(term.successors.values_list("slug", flat=True)) == ["venv"]
    assert (term.case_sensitive, term.needs_context, term.kind) == (True, False, "technology")
    assert term.other_meanings == ["Python 2 seater"]
    assert str(term.verified) == "2026-11-27"
    assert "    successors:\n      - venv\n" in exported
    assert "review_by: 2027-11-27" in exported


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        (
            "term",
            "    tags: [outdated]\n",
            "    tags: []\n",
            "successors: Only an outdated term has successors",
        ),
        ("term", "    verified: 2026-11-27\n", "", "verified: Say when the facts were checked"),
        (
            "term",
            "review_by: 2027-11-27",
            "review_by: 2028-12-01",
            "review_by: Check dated facts again within 18 months.",
        ),
        (
            "term",
            "review_by: 2027-11-27",
            "review_by: 2026-11-01",
            "review_by: Must be after the date",
        ),
        ("term", "kind: technology", "kind: gadget", "kind: Select a valid choice."),
        (
            "term",
            "case_sensitive: true",
            "case_sensitive: maybe",
            "case_sensitive: must be true or false, not 'maybe'",
        ),
        ("term", "successors: [venv]", "successors: [cobol]", "successors: unknown term 'cobol'"),
        (
            "bank",
            "      - evidence: names a project",
            "      - proof: names a project",
            "cues: Write each cue as “idea: …” or “evidence: …” with its text.",
        ),
        ("bank", "        weak_if: Not sure.\n", "", "follow_ups: Follow-up 1 lacks: Weak if"),
        (
            "bank",
            "    must_hear: One environment per project.",
            "    must_hear: " + " ".join(["word"] * 16),
            "must_hear: Keep it to 15 words; this is 16.",
        ),
        (
            "bank",
            "    terms: [venv, pip]",
            "    terms: [venv, pip]\n    practice_answers:\n      - rating: great\n"
            "        transcript: I use venv.\n        why: Short.",
            "practice_answers: Answer 1: the rating must be strong, average or weak.",
        ),
        (
            "bank",
            "    terms: [venv, pip]",
            "    terms: [venv, pip]\n    verified: 2026-11-27",
            "review_by: Say when to check the facts again.",
        ),
    ],
)
def test_item_keys_are_checked_by_the_admin_form(tmp_path, loaded, file, old, new, problem):
    """A term's and a question's keys, checked by the admin's form, with the file's line."""
    before, text, importer = ("", BANK, import_bank)
    if file == "term":  # the changed term follows the whole glossary
        before, text, importer = (GLOSSARY, PY2, import_glossary)
    assert old in text
    path = write(tmp_path, f"{file}.yaml", before + text.replace(old, new))

    problems = problems_of(importer, path)

    assert any(problem in p and p.startswith(f"{path}:") for p in problems), problems
    assert snapshot() == loaded


def test_bank_practice_answers_and_wordings_are_imported(tmp_path, loaded):
    extra = (
        '    variants: ["How do you keep two projects\' packages apart?"]\n'
        "    practice_answers:\n"
        "      - rating: strong\n"
        "        transcript: >-\n          One venv per project, and uv.lock\n          pins it.\n"
        "        why: Names both and why.\n"
    )
    path = write(
        tmp_path,
        "bank.yaml",
        BANK.replace("    terms: [venv, pip]\n", extra + "    terms: [venv, pip]\n"),
    )

    import_bank(path)

    question = Question.objects.get(slug="python-venv")
    assert question.variants == ["How do you keep two projects' packages apart?"]
    assert question.practice_answers == [
        {
            "rating": "strong",
            "transcript": "One venv per project, and uv.lock pins it.",
            "why": "Names both and why.",
        }
    ]
    assert "practice_answers:" in export_bank()
