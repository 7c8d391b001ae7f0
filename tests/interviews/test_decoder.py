"""The résumé decoder: every input format, every bad input, and starting an interview from it."""

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile

from glossary.decoding import decode
from interviews.models import Candidate, Interview, Kit, Position
from tests.glossary.resume_files import (
    make_docx,
    make_html,
    make_json_resume,
    make_latex,
    make_odt,
    make_pdf,
    make_rtf,
)

pytestmark = pytest.mark.django_db

LINES = [
    "Alex Sample - Python developer",
    "Built REST APIs with Django REST framework and plain Django views on Postgres.",
    "Front end in JavaScript and a little Java; services in Go, deployed with k8s.",
    "Googled a lot; I trust my tests: pytest with CI/CD on GitHub Actions.",
    "Also C# and .NET at a previous job, and Node.js tooling.",
]
EXPECTED = {
    "django-rest-framework",
    "django",
    "postgresql",
    "javascript",
    "kubernetes",
    "pytest",
    "ci-cd",
    "rest-api",
    "github-actions",
    "node-js",
    "python",
}


@pytest.fixture(autouse=True)
def glossary(shipped_content_in_module):
    """Every test here decodes against the shipped glossary."""


def slugs(text: str) -> set[str]:
    return {item.term.slug for item in decode(text).found}


def optional_terms_present() -> set[str]:
    """Terms of the sample that only exist in some glossaries (Go, Java, C#, .NET)."""
    from glossary.models import Term

    spelled = {s.casefold(): t.slug for t in Term.objects.all() for s in [t.name, *t.aliases]}
    return {spelled[w] for w in ("go", "java", "c#", ".net") if w in spelled}


def test_plain_text_finds_the_terms_and_skips_the_traps():
    found = slugs("\n".join(LINES))

    assert found == EXPECTED | optional_terms_present()
    assert "rust" not in found


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("resume.txt", "\n".join(LINES).encode()),
        ("resume.md", ("# Résumé\n\n" + "\n".join(f"- {line}" for line in LINES)).encode()),
        ("resume.pdf", make_pdf(LINES)),
        ("resume.docx", make_docx(LINES[:3], table=[[LINES[3], LINES[4]]])),
        (
            "resume.json",
            make_json_resume(
                basics={"name": "Alex Sample", "label": LINES[0]},
                work=[{"position": "Developer", "summary": LINES[1], "highlights": LINES[2:4]}],
                skills=[{"name": "Other", "keywords": [LINES[4]]}],
            ),
        ),
        (
            "resume.yaml",
            yaml.safe_dump(
                {
                    "basics": {"name": "Alex Sample", "label": LINES[0]},
                    "work": [{"position": "Developer", "summary": " ".join(LINES[1:])}],
                },
                allow_unicode=True,
            ).encode(),
        ),
        (
            "cv.yml",  # RenderCV: sections of entries, and a design block that is not read
            yaml.safe_dump(
                {
                    "cv": {"name": "Alex Sample", "sections": {"experience": LINES}},
                    "design": {"theme": "classic", "font": "Rust Sans"},
                },
                allow_unicode=True,
            ).encode(),
        ),
        ("broken.yaml", ("name: [Alex\n" + "\n".join(LINES)).encode()),  # read as text
        ("resume.tex", make_latex(LINES)),
        ("resume.html", make_html(LINES)),
        ("resume.rtf", make_rtf(LINES)),
        ("resume.odt", make_odt(LINES)),
    ],
)
def test_every_format_gives_the_same_terms(signed_in, name, payload):
    response = signed_in.post(
        "/decoder/", {"file": SimpleUploadedFile(name, payload), "budget": "30"}
    )

    html = response.content.decode()
    assert response.status_code == 200, html[:500]
    decoded = response.context["decoded"]
    assert {item.term.slug for item in decoded.found} == EXPECTED | optional_terms_present()
    assert 'href="/glossary/kubernetes/"' in html
    assert Candidate.objects.count() == 0
    assert Interview.objects.count() == 0


def test_decoding_shows_signals_from_the_terms_data(signed_in):
    response = signed_in.post(
        "/decoder/",
        {"text": "Ten years of Python 2 scripts. Ran Kubernetes clusters.", "budget": "30"},
    )

    kinds = [signal.kind for signal in response.context["decoded"].signals]
    html = response.content.decode()
    assert kinds == ["outdated", "senior", "testing"]
    assert "Possibly out-of-date experience" in html
    assert "No testing tools mentioned" in html


def test_the_page_lists_what_a_technology_list_names_that_nothing_recognises(signed_in):
    text = "Stack: Python, Django, Frobnicator, PostgreSQL, Redis, QuuxDB 3\nHobbies: Chess"

    html = signed_in.post("/decoder/", {"text": text, "budget": "30"}).content.decode()

    assert "Listed, but not recognised" in html
    assert '<li class="badge px-2 py-0.5">Frobnicator</li>' in html
    assert '<li class="badge px-2 py-0.5">QuuxDB 3</li>' in html
    assert ">Chess<" not in html


def test_a_json_resume_projects_keywords_are_read_as_one_list(signed_in):
    payload = make_json_resume(
        projects=[{"name": "Shop", "keywords": ["Python", "Django", "Frobnicator", "Redis"]}]
    )

    response = signed_in.post(
        "/decoder/", {"file": SimpleUploadedFile("resume.json", payload), "budget": "30"}
    )

    assert response.context["decoded"].unrecognised == ["Frobnicator"]
    assert '<li class="badge px-2 py-0.5">Frobnicator</li>' in response.content.decode()


def test_a_latex_resume_keeps_typewriter_names_and_separating_macros(signed_in):
    body = (
        "\\url{https://github.com/ada}\n\n"
        "\\small \\texttt{Terraform}\\slashsep\\texttt{Postgres}\\slashsep\\texttt{Angular}"
    )
    payload = f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"

    response = signed_in.post(
        "/decoder/", {"file": SimpleUploadedFile("cv.tex", payload.encode()), "budget": "30"}
    )

    decoded = response.context["decoded"]
    assert {"terraform", "postgresql", "angular"} <= {item.term.slug for item in decoded.found}
    assert [link.url for link in decoded.links] == ["https://github.com/ada"]


def test_testing_tools_silence_the_no_testing_signal():
    kinds = [s.kind for s in decode("Wrote pytest suites for Django apps.").signals]

    assert "testing" not in kinds


def test_suggested_questions_fit_the_budget_and_cover_the_terms(signed_in):
    response = signed_in.post("/decoder/", {"text": "\n".join(LINES), "budget": "20"})

    suggested = response.context["suggested"]
    found = {item.term.pk for item in response.context["decoded"].found}
    assert suggested
    assert sum(q.minutes for q in suggested) <= 20
    assert all({t.pk for t in q.terms.all()} & found for q in suggested)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   "}, "Paste the résumé&#x27;s text or choose a file."),
        ({"file": ("big.txt", b"x" * (2 * 1024 * 1024 + 1))}, "the limit is 2 MB"),
        ({"file": ("resume.exe", b"MZ")}, "is not a file type the decoder reads"),
        (
            {"file": ("resume.pdf", b"%PDF-1.4 this is not really a pdf")},
            "This PDF could not be read",
        ),
        ({"file": ("resume.docx", b"PK not a zip")}, "This Word file could not be read"),
        ({"file": ("resume.json", b"\xff\xfe{}")}, "This JSON is not UTF-8 text."),
        ({"file": ("scan.pdf", make_pdf([]))}, "This PDF has no text layer"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(signed_in, data, message):
    if "file" in data:
        name, payload = data["file"]
        data = {"file": SimpleUploadedFile(name, payload)}

    response = signed_in.post("/decoder/", {**data, "budget": "30"})

    assert response.status_code == 422
    assert message in response.content.decode()
    assert Candidate.objects.count() == 0


def test_start_an_interview_saves_the_resume_on_a_new_candidate(signed_in):
    position = Position.objects.create(
        title="Python developer", level="mid", default_kit=Kit.objects.first()
    )
    decoded = signed_in.post("/decoder/", {"text": "\n".join(LINES), "budget": "30"})
    chosen = [q.pk for q in decoded.context["suggested"]][:3]

    response = signed_in.post(
        "/decoder/start/",
        {
            "name": "Alex Sample",
            "email": "alex@example.org",
            "position": position.pk,
            "budget": "30",
            "questions": [chosen[2], chosen[0], chosen[1]],
            "resume_text": "\n".join(LINES),
        },
    )

    interview = Interview.objects.get()
    assert response.url == f"/interviews/{interview.pk}/"
    assert interview.candidate.resume_text == "\n".join(LINES)
    assert interview.kit_name == "Tailored from the résumé"
    assert interview.budget_minutes == 30
    assert [q.question_id for q in interview.questions.order_by("number")] == [
        chosen[2],
        chosen[0],
        chosen[1],
    ]


def test_start_needs_a_candidate_and_questions(signed_in):
    position = Position.objects.create(title="Dev", level="mid")

    response = signed_in.post(
        "/decoder/start/", {"position": position.pk, "budget": "30", "resume_text": "Django"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert "Choose a candidate or give the new candidate&#x27;s name." in html
    assert "Choose at least one question." in html
    assert Candidate.objects.count() == 0
    assert Interview.objects.count() == 0


def test_long_resume_marks_each_term_once_per_paragraph_and_says_so(signed_in):
    paragraph = "Django and PostgreSQL. More Django, more PostgreSQL, and Django again.\n\n"
    text = paragraph * 3000  # 216,000 characters: over what is shown marked up

    upload = SimpleUploadedFile("long.txt", text.encode())
    response = signed_in.post("/decoder/", {"file": upload, "budget": 30})

    html = response.content.decode()
    shown = html.split('id="resume-heading"')[1]
    assert response.status_code == 200
    assert "only its first 100,000 characters are shown" in shown
    assert "later mentions are left plain" in shown
    marks = shown.count('class="term"')
    assert marks == 500  # the cap, well under the 9,000 mentions shown
    assert 'name="resume_text"' in html
    assert "(its first 200,000 characters)" in html
