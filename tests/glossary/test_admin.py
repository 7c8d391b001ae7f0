"""The Django admin for the question bank and glossary."""

import re

import pytest

from glossary.models import Term
from interviews.models import Kit, KitQuestion
from interviews.roles import QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_area, make_question, make_term, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(QUESTION_BANK_ADMIN))
    return client


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/admin/glossary/area/", "Python"),
        ("/admin/glossary/term/", "GIL"),
        ("/admin/interviews/question/", "Tell me about python-gil?"),
        ("/admin/interviews/kit/", "Tiny screen"),
        ("/admin/interviews/redflag/", "Select red flag to change"),
    ],
)
def test_admin_changelists_for_bank_admin(admin_client, url, text):
    make_question("python-gil", terms=[make_term("gil", name="GIL")])
    Kit.objects.create(slug="tiny", name="Tiny screen", level="junior", minutes=5, description="x")

    response = admin_client.get(url)

    assert response.status_code == 200
    assert text in response.content.decode()


def test_admin_recruiter_cannot_open_bank_admin(client):
    client.force_login(make_user(RECRUITER))

    response = client.get("/admin/interviews/question/", follow=True)

    assert response.status_code == 403


def test_admin_term_aliases_are_edited_one_per_line(admin_client):
    area = make_area()
    term = make_term("drf", name="Django REST framework", area=area, aliases=["DRF"])

    page = admin_client.get(f"/admin/glossary/term/{term.pk}/change/").content.decode()
    response = admin_client.post(
        f"/admin/glossary/term/{term.pk}/change/",
        {
            "name": term.name,
            "slug": term.slug,
            "area": area.pk,
            "aliases": "DRF\r\n  django-rest-framework \r\n\r\nDjango REST",
            "kind": "technology",
            "meaning": term.meaning,
            "where_seen": term.where_seen,
            "signals": term.signals,
        },
    )

    assert 'id="id_aliases">\nDRF</textarea>' in page
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.aliases == ["DRF", "django-rest-framework", "Django REST"]


def test_admin_term_alias_taken_by_another_term_is_refused(admin_client):
    area = make_area()
    make_term("k8s", name="Kubernetes", area=area, aliases=["k8s"])
    term = make_term("docker", name="Docker", area=area)

    response = admin_client.post(
        f"/admin/glossary/term/{term.pk}/change/",
        {
            "name": "Docker",
            "slug": "docker",
            "area": area.pk,
            "aliases": "Docker Engine\nK8S",
            "meaning": term.meaning,
            "where_seen": term.where_seen,
            "signals": term.signals,
        },
    )

    assert "Already used by another term: “K8S” (Kubernetes)" in response.content.decode()
    assert Term.objects.get(slug="docker").aliases == []


def test_admin_kit_questions_are_an_ordered_inline(admin_client):
    first, second = make_question("q-one"), make_question("q-two")
    kit = Kit.objects.create(slug="tiny", name="Tiny", level="junior", minutes=10, description="x")
    KitQuestion.objects.create(kit=kit, question=second, number=1)
    KitQuestion.objects.create(kit=kit, question=first, number=2)

    html = admin_client.get(f"/admin/interviews/kit/{kit.pk}/change/").content.decode()

    def selected_in_row(row: int) -> str:
        select = re.search(rf'name="kit_questions-{row}-question".*?</select>', html, re.S)
        return re.search(r'<option value="(\d+)" selected>', select.group(0)).group(1)

    assert [selected_in_row(0), selected_in_row(1)] == [str(second.pk), str(first.pk)]
    assert 'name="kit_questions-0-number" value="1"' in html


def test_admin_question_needs_cues_and_follow_ups(admin_client):
    area = make_area()

    response = admin_client.post(
        "/admin/interviews/question/add/",
        {
            "prompt": "Why tests?",
            "slug": "why-tests",
            "area": area.pk,
            "level": "junior",
            "minutes": 3,
            "active": "on",
            "probes": "p",
            "cues": "",
            "follow_ups": "How?",
            "strong": "s",
            "average": "a",
            "weak": "w",
        },
    )

    from interviews.models import Question

    assert "This field is required." in response.content.decode()
    assert not Question.objects.filter(slug="why-tests").exists()


QUESTION_POST = {
    "prompt": "Why tests?",
    "slug": "why-tests",
    "level": "junior",
    "minutes": 3,
    "active": "on",
    "probes": "p",
    "must_hear": "Tests catch mistakes before users do.",
    "cues": "catch regressions\nevidence: a bug a test caught",
    "follow_ups": "How?\nGood if: names a tool.\nWeak if: no idea.\n\n"
    "What do you not test?\nGood if: trivial code.\nWeak if: everything.",
    "variants": "Why would a team write tests?",
    "strong": "s",
    "average": "a",
    "weak": "w",
}


def test_admin_question_cues_follow_up_keys_and_variants(admin_client):
    from interviews.models import Question

    response = admin_client.post(
        "/admin/interviews/question/add/", {**QUESTION_POST, "area": make_area().pk}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(slug="why-tests")
    assert question.cues == [
        {"kind": "idea", "text": "catch regressions"},
        {"kind": "evidence", "text": "a bug a test caught"},
    ]
    assert question.follow_ups == [
        {"ask": "How?", "good_if": "names a tool.", "weak_if": "no idea."},
        {"ask": "What do you not test?", "good_if": "trivial code.", "weak_if": "everything."},
    ]
    assert question.variants == ["Why would a team write tests?"]
    edit = admin_client.get(f"/admin/interviews/question/{question.pk}/change/").content.decode()
    assert "evidence: a bug a test caught" in edit
    assert "Good if: names a tool." in edit


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"follow_ups": "How?\nGood if: names a tool."},
            "follow_ups",
            "Follow-up 1 lacks: Weak if",
        ),
        (
            {"must_hear": " ".join(["word"] * 16)},
            "must_hear",
            "Keep it to 15 words; this is 16.",
        ),
        (
            {"verified": "2026-11-01", "review_by": "2028-11-01"},
            "review_by",
            "Check dated facts again within 18 months.",
        ),
    ],
)
def test_admin_question_rejects_bad_keys_next_to_the_field(admin_client, change, field, message):
    from interviews.models import Question

    response = admin_client.post(
        "/admin/interviews/question/add/",
        {**QUESTION_POST, "area": make_area().pk, **change},
    )

    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html or f"field-{field}" in html
    assert not Question.objects.filter(slug="why-tests").exists()
