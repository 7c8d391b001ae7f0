"""Malformed requests get a clear 400 or 422 with a message, never a 500, and change nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from interviews.models import Interview, InterviewRedFlag, RedFlag
from tests.factories import HTMX, make_position, make_question
from tests.glossary import hostile_files as hostile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
@pytest.mark.parametrize(
    "data",
    [
        {"action": "pause", "number": "abc"},
        {"action": "explode", "number": "1"},
        {"action": "pause", "number": "99999999999999999999"},
    ],
    ids=["number", "action", "overflow"],
)
def test_clock_with_bad_values_is_400_and_changes_nothing(signed_in, interview, data, headers):
    response = signed_in.post(f"/interviews/{interview.pk}/clock/", data, headers=headers)

    interview.refresh_from_db()
    assert response.status_code == 400
    assert "not valid" in response.content.decode() or "Choose" in response.content.decode()
    assert interview.clock_running


@pytest.mark.parametrize("number", ["abc", "-1", "1e9"])
def test_red_flags_with_a_bad_question_number_is_400(signed_in, interview, number):
    RedFlag.objects.create(slug="no-tests", name="Never writes tests", why="Tests matter.")

    response = signed_in.post(
        f"/interviews/{interview.pk}/red-flags/", {"number": number, "flag-no-tests": "on"}
    )

    assert response.status_code == 400
    assert "question number" in response.content.decode()
    assert not InterviewRedFlag.objects.exists()


def test_start_from_resume_with_a_bad_question_id_is_422_with_a_message(signed_in):
    position = make_position()
    make_question("data-sql", prompt="How do you join two tables?")

    response = signed_in.post(
        "/decoder/start/",
        {
            "questions": ["abc"],
            "name": "Ada",
            "position": position.pk,
            "budget": 30,
            "resume_text": "Django",
        },
    )

    assert response.status_code == 422
    assert "is not a valid value" in response.content.decode()
    assert not Interview.objects.exists()


def test_start_from_resume_never_renders_more_text_than_the_limit(signed_in):
    huge = "Django PostgreSQL " * 20_000  # 360,000 characters, over the 200,000 limit

    response = signed_in.post("/decoder/start/", {"resume_text": huge, "budget": 30})

    html = response.content.decode()
    assert response.status_code == 422
    assert "at most 200,000 characters" in html
    assert html.count("PostgreSQL") < 10


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("numbers.json", hostile.json_numbers_for_lists),
        ("deep.json", hostile.json_deep_nesting),
        ("number.json", hostile.json_huge_number),
        ("malformed.docx", hostile.docx_malformed_xml),
        ("array.pdf", hostile.pdf_huge_array),
    ],
)
def test_decoder_answers_malformed_files_without_a_500(signed_in, name, make):
    response = signed_in.post("/decoder/", {"file": SimpleUploadedFile(name, make()), "budget": 30})

    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert 'class="field-error"' in response.content.decode() or "errorlist" in (
            response.content.decode()
        )


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ({"parts": "everything", "rating": "strong"}, "everything"),
        ({"parts": "rating", "rating": "superb"}, "superb"),
    ],
)
def test_a_bad_answer_is_422_next_to_the_notes_and_saves_nothing(
    signed_in, interview, sent, message
):
    response = signed_in.post(f"/interviews/{interview.pk}/q/1/answer/", sent, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 422
    # Whatever the request targeted (a rating targets the panel), the message goes by the notes.
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#notes-status", "outerHTML")
    assert html.strip().startswith('<div id="notes-status"')
    assert message in html
    assert interview.questions.get(number=1).rating == ""
