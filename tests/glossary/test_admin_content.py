"""/admin/content/: a bank or glossary file checked, then applied, from the browser (issue 13)."""

import io

import pytest

from glossary.models import Term
from interviews.models import Question
from interviews.roles import QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_area, make_question, make_term, make_user
from tests.glossary.test_content_import import GLOSSARY

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(QUESTION_BANK_ADMIN))
    return client


def upload(client, text: str, name: str = "glossary.yaml"):
    data = io.BytesIO(text.encode())
    data.name = name
    return client.post("/admin/content/", {"file": data, "action": "check"})


def test_a_valid_file_is_checked_then_applied(admin_client):
    checked = upload(admin_client, GLOSSARY)

    html = checked.content.decode()
    assert "The file is valid. Applying it would:" in html
    assert "terms: 2 created, 0 updated, 0 unchanged" in html
    assert "terms: pip (created)" in html
    assert not Term.objects.exists()  # a check changes nothing

    applied = admin_client.post(
        "/admin/content/",
        {
            "text": checked.context["checked"].initial["text"],
            "name": "glossary.yaml",
            "action": "apply",
        },
        follow=True,
    )

    assert (
        "Applied glossary.yaml: terms: 2 created, 0 updated, 0 unchanged"
        in applied.content.decode()
    )
    assert sorted(Term.objects.values_list("slug", flat=True)) == ["pip", "venv"]
    again = upload(admin_client, GLOSSARY).content.decode()
    assert "applying it would change nothing" in again
    assert "Apply these changes" not in again


def test_a_bad_file_lists_every_problem_with_its_line_and_changes_nothing(admin_client):
    bad = GLOSSARY.replace("area: python", "area: cobol", 1)

    html = upload(admin_client, bad).content.decode()

    assert "problem: nothing was changed" in html or "problems: nothing was changed" in html
    assert "glossary.yaml:" in html
    assert "unknown area &#x27;cobol&#x27;" in html
    assert "Apply these changes" not in html
    assert not Term.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "The file is not UTF-8 text."),
        (b"format: something-else\n", "This is neither a question bank nor a glossary file"),
    ],
)
def test_files_that_are_not_content_are_refused_next_to_the_form(admin_client, content, message):
    data = io.BytesIO(content)
    data.name = "x.yaml"

    html = admin_client.post("/admin/content/", {"file": data, "action": "check"}).content.decode()

    assert message in html
    assert "Apply these changes" not in html


def test_content_files_download_as_yaml(admin_client):
    make_question("python-gil", area=make_area(), terms=[make_term("gil", name="GIL")])

    bank = admin_client.get("/admin/content/bank.yaml")
    glossary = admin_client.get("/admin/content/glossary.yaml")

    assert bank["Content-Disposition"] == 'attachment; filename="bank.yaml"'
    assert "slug: python-gil" in bank.content.decode()
    assert "slug: gil" in glossary.content.decode()
    assert admin_client.get("/admin/content/other.yaml").status_code == 404


def test_only_question_bank_admins_may_import(client):
    client.force_login(make_user(RECRUITER))

    response = client.post("/admin/content/", {"action": "check"})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not Question.objects.exists()
