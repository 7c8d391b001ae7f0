"""The shipped question bank and glossary meet the minimums the product promises."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
import readability
import yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"
GLOSSARY = yaml.safe_load((CONTENT / "glossary.yaml").read_text(encoding="utf-8"))
BANK = yaml.safe_load((CONTENT / "bank.yaml").read_text(encoding="utf-8"))
AREAS = ["python", "back-end", "front-end", "data", "testing-devops", "practices"]
QUESTION_TEXT_FIELDS = ["prompt", "probes", "strong", "average", "weak"]

# Every row of the recruiter glossary table in the reference documents, and every technology the
# content issue names; each must be a term's name or alias.
REQUIRED_SPELLINGS = [
    # the table
    "Python 3",
    "OOP",
    "pip",
    "venv",
    "virtualenv",
    "Poetry",
    "Django",
    "Flask",
    "FastAPI",
    "DRF",
    "ORM",
    "SQLAlchemy",
    "Migrations",
    "Celery",
    "Pydantic",
    "JWT",
    "CORS",
    "Gunicorn",
    "Uvicorn",
    "Jinja2",
    "WSGI",
    "ASGI",
    "pytest",
    "Black",
    "Ruff",
    "Type hints",
    "async / await",
    "Django Admin",
    "HTMX",
    "Alembic",
    # named in the issue
    "Pipenv",
    "Conda",
    "asyncio",
    "Celery Beat",
    "Daphne",
    "Nginx",
    "Django Channels",
    "GraphQL",
    "gRPC",
    "WebSocket",
    "Kafka",
    "RabbitMQ",
    "Elasticsearch",
    "Kubernetes",
    "k8s",
    "Prometheus",
    "Grafana",
    "Sentry",
    "OpenTelemetry",
    "bcrypt",
    "PyJWT",
    "Tortoise ORM",
    "SQLModel",
    "Beanie",
    "Motor",
    "Reflex",
    "PyScript",
    "Streamlit",
    "isort",
    "mypy",
    "pylint",
    "Postgres",
    "Django REST framework",
    "django-rest-framework",
]


def _spellings() -> dict[str, str]:
    found = {}
    for term in GLOSSARY["terms"]:
        for spelling in [term["name"], *term.get("aliases", [])]:
            found[spelling.casefold()] = term["slug"]
    return found


def test_glossary_has_the_six_areas_in_order():
    assert [area["slug"] for area in GLOSSARY["areas"]] == AREAS
    assert [area["order"] for area in GLOSSARY["areas"]] == [1, 2, 3, 4, 5, 6]


def test_glossary_has_at_least_100_complete_terms():
    terms = GLOSSARY["terms"]

    assert len(terms) >= 100
    for term in terms:
        for field in ("name", "area", "meaning", "where_seen", "signals"):
            assert str(term.get(field, "")).strip(), f"{term['slug']}: {field} is empty"
        assert term["area"] in AREAS


@pytest.mark.parametrize("spelling", REQUIRED_SPELLINGS)
def test_glossary_covers_required_technology(spelling):
    assert spelling.casefold() in _spellings(), f"no term is called or aliased {spelling!r}"


def test_glossary_has_at_least_550_terms():
    assert len(GLOSSARY["terms"]) >= 550


def test_glossary_dated_facts_are_not_due_for_review():
    """A term's ``review_by`` passed: its versions and "current" claims must be checked again."""
    today = datetime.date.today()
    due = [t["slug"] for t in GLOSSARY["terms"] if t.get("review_by") and t["review_by"] <= today]
    assert due == []


def test_glossary_version_numbers_are_dated():
    """A meaning that names a version ("Python 3.12", "Django 5.2") says when it was checked."""
    version = re.compile(r"\b[A-Za-z][\w.+#-]* \d+\.\d+\b")
    timeless = {"openid-connect", "semantic-versioning"}  # "OAuth 2.0" is a name; "like 2.4.1"
    undated = [
        t["slug"]
        for t in GLOSSARY["terms"]
        if not t.get("verified")
        and t["slug"] not in timeless
        and any(version.search(t.get(field, "")) for field in ("meaning", "where_seen", "signals"))
    ]
    assert undated == []


def test_glossary_meanings_are_at_most_two_sentences():
    for term in GLOSSARY["terms"]:
        sentences = [s for s in term["meaning"].replace("?", ".").split(". ") if s.strip()]
        assert len(sentences) <= 2, term["slug"]


def test_glossary_meanings_read_at_grade_10_or_below():
    grades = [
        readability.getmeasures(term["meaning"], lang="en")["readability grades"]["Kincaid"]
        for term in GLOSSARY["terms"]
    ]

    mean = sum(grades) / len(grades)
    print(f"mean Flesch-Kincaid grade of {len(grades)} term meanings: {mean:.2f}")
    assert mean <= 10


def test_bank_has_at_least_75_questions_10_per_area_over_three_levels():
    questions = BANK["questions"]
    per_area = Counter(q["area"] for q in questions)
    levels_per_area = {area: {q["level"] for q in questions if q["area"] == area} for area in AREAS}

    assert len(questions) >= 75
    assert all(per_area[area] >= 10 for area in AREAS), per_area
    assert all(levels == {"junior", "mid", "senior"} for levels in levels_per_area.values())


def test_bank_questions_are_complete():
    term_slugs = {term["slug"] for term in GLOSSARY["terms"]}

    for question in BANK["questions"]:
        slug = question["slug"]
        for field in QUESTION_TEXT_FIELDS:
            assert question[field].strip(), f"{slug}: {field} is empty"
        assert len(question["cues"]) >= 3, slug
        assert len(question["follow_ups"]) >= 1, slug
        assert len(question["terms"]) >= 1, slug
        assert set(question["terms"]) <= term_slugs, slug
        assert 1 <= question["minutes"] <= 15, slug


def test_bank_guidance_is_one_to_three_sentences():
    for question in BANK["questions"]:
        for field in ("strong", "average", "weak"):
            text = question[field].replace("e.g.", "eg").replace("i.e.", "ie")
            sentences = [s for s in text.split(". ") if s.strip()]
            assert 1 <= len(sentences) <= 3, f"{question['slug']}: {field}"


def test_bank_kits_fit_their_budgets():
    minutes = {q["slug"]: q["minutes"] for q in BANK["questions"]}
    kits = {kit["slug"]: kit for kit in BANK["kits"]}

    assert {
        "junior-screen": 20,
        "mid-screen": 30,
        "senior-screen": 40,
    }.items() <= {slug: kit["minutes"] for slug, kit in kits.items()}.items()
    assert {"django-htmx-full-stack", "fastapi-api-services", "data-leaning-python-web"} <= set(
        kits
    )
    for kit in kits.values():
        assert set(kit["questions"]) <= set(minutes), kit["slug"]
        assert sum(minutes[q] for q in kit["questions"]) <= kit["minutes"], kit["slug"]


def test_general_screens_cover_every_area():
    areas = {q["slug"]: q["area"] for q in BANK["questions"]}
    for kit in BANK["kits"]:
        if kit["slug"] in {"junior-screen", "mid-screen", "senior-screen"}:
            assert {areas[q] for q in kit["questions"]} == set(AREAS), kit["slug"]


def test_bank_has_at_least_12_red_flags():
    flags = BANK["red_flags"]

    assert len(flags) >= 12
    assert all(flag["name"].strip() and flag["why"].strip() for flag in flags)


@pytest.mark.django_db
def test_load_default_content_loads_everything_and_is_idempotent():
    from django.core.management import call_command

    from glossary.models import Term
    from interviews.models import Kit, KitQuestion, Question, RedFlag

    call_command("load_default_content", stdout=None)
    counts = (Term.objects.count(), Question.objects.count(), Kit.objects.count())
    call_command("load_default_content", stdout=None)

    assert counts == (len(GLOSSARY["terms"]), len(BANK["questions"]), len(BANK["kits"]))
    assert (Term.objects.count(), Question.objects.count(), Kit.objects.count()) == counts
    assert RedFlag.objects.count() == len(BANK["red_flags"])
    assert KitQuestion.objects.count() == sum(len(k["questions"]) for k in BANK["kits"])
