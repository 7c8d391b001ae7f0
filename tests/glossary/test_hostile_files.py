"""Hostile and malformed résumé files: each is refused with a message naming the limit, or read.

The web process must survive every one of them: reading happens in a separate process with
memory, time and size limits (``glossary.resumes``), so the worst a file can do is be refused.
"""

import resource

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from glossary.resumes import ResumeError, read_resume
from interviews.roles import RECRUITER
from tests.factories import make_user
from tests.glossary import hostile_files as hostile

pytestmark = pytest.mark.django_db
MB = 1024 * 1024

# (file name, generator, words the refusal must contain, or None when it must be read)
CASES = [
    ("inflating.pdf", hostile.pdf_inflating_stream, ("too much text",)),
    ("pages.pdf", hostile.pdf_many_pages, ("pages", "50")),
    ("array.pdf", hostile.pdf_huge_array, ("could not be read",)),
    ("paragraphs.docx", hostile.docx_many_paragraphs, ("paragraphs", "20,000")),
    ("table.docx", hostile.docx_huge_table, ("table rows", "5,000")),
    ("malformed.docx", hostile.docx_malformed_xml, ("could not be read",)),
    ("bomb.docx", hostile.docx_inflating_xml, ("unpacks to", "20 MB")),
    ("numbers.json", hostile.json_numbers_for_lists, None),
    ("deep.json", hostile.json_deep_nesting, ("nested",)),
    ("number.json", hostile.json_huge_number, ("could not be read",)),
]


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize(("name", "make", "refusal"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_with_the_limit_or_read(name, make, refusal):
    data = make()
    before = peak_rss_mb()

    if refusal is None:
        text = read_resume(name, data)
        assert text.strip()
    else:
        with pytest.raises(ResumeError) as caught:
            read_resume(name, data)
        message = str(caught.value)
        for word in refusal:
            assert word in message, message

    assert peak_rss_mb() - before < 200


def test_hostile_upload_answers_the_decoder_form_with_the_reason(client):
    client.force_login(make_user(RECRUITER))
    upload = SimpleUploadedFile("bomb.docx", hostile.docx_inflating_xml())

    response = client.post("/decoder/", {"file": upload, "budget": 30})

    html = response.content.decode()
    assert response.status_code == 422
    assert "unpacks to" in html
    assert "20 MB" in html


def test_a_reader_that_runs_out_of_time_is_stopped(settings):
    settings.RESUME_READ_SECONDS = 0.05

    with pytest.raises(ResumeError) as caught:
        read_resume("slow.pdf", hostile.pdf_many_pages(pages=40))

    assert "took too long" in str(caught.value)


def test_two_megabyte_text_within_the_limit_is_read():
    data = hostile.plain_text_of(2 * MB, "Built Django and FastAPI services on PostgreSQL.")

    text = read_resume("big.txt", data)

    assert len(text) > 2_000_000
