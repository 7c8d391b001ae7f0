"""The hiring manager's review in Chromium: every page passes the audit; a scorecard prints."""

import os
import re
import unicodedata

import pytest
from playwright.sync_api import expect

from interviews.models import Decision
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_candidate, make_interview, make_position, make_user, submit


def screened(position, recruiter, names):
    return [
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(name)),
            ratings,
            notes=[f"Notes on {name}"],
            recommendation=recommendation,
        )
        for name, ratings, recommendation in names
    ]


def test_manager_reviews_compares_and_decides(page, live_server, audit, sign_in, tmp_path):
    manager = make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")
    recruiter = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    position = make_position(kit_size=4, managers=[manager])
    ann, bob, _ = screened(
        position,
        recruiter,
        [
            ("Ann Example", ["strong", "strong", "average", "strong"], "advance"),
            ("Bob Example", ["weak", "average", "weak", "skipped"], "decline"),
            ("Cat Example", ["average", "average", "strong", "weak"], "hold"),
        ],
    )
    sign_in("max@example.com")

    expect(page.get_by_role("heading", name="Your positions")).to_be_visible()
    expect(page.get_by_text("3 candidates screened · 3 awaiting your decision")).to_be_visible()
    audit.check(page)

    page.get_by_role("link", name="Python developer").click()
    expect(page.get_by_text("3 candidates", exact=True)).to_be_visible()
    audit.check(page)

    page.get_by_label("Recommendation", exact=True).select_option(label="Advance")
    expect(page.get_by_text("1 candidate", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"recommendation=advance"))
    page.get_by_role("link", name="Clear").click()
    expect(page.get_by_text("3 candidates", exact=True)).to_be_visible()

    page.get_by_label("Compare Ann Example").check()
    page.get_by_label("Compare Bob Example").check()
    page.get_by_role("button", name="Compare selected").click()
    expect(page.get_by_role("heading", name="Compare candidates")).to_be_visible()
    expect(page.get_by_text("Notes on Ann Example")).to_be_visible()
    audit.check(page)

    page.get_by_role("link", name="Ann Example").click()
    expect(page.get_by_role("heading", name="Ann Example")).to_be_visible()
    audit.check(page)
    page.get_by_label("Advance").check()
    page.get_by_label("Note").fill("Invite to the technical round.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#decision")).to_contain_text("By Max")
    expect(page.get_by_role("button", name="Change the decision")).to_be_visible()
    expect(page.locator("#decision-heading")).to_be_focused()  # not lost to <body>
    audit.check(page)
    decision = Decision.objects.get(interview=ann)
    assert (decision.outcome, decision.note, decision.decided_by) == (
        "advance",
        "Invite to the technical round.",
        manager,
    )

    pdf = tmp_path / "scorecard.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1  # four questions: one page


@pytest.mark.parametrize("width", [1280, 768])
def test_review_fits_the_screen_without_sideways_scrolling(
    page, live_server, audit, sign_in, shipped_content, width
):
    """Issue 14: six area columns and every other column, at a laptop's and a tablet's width."""
    from interviews.models import Kit

    manager = make_user(HIRING_MANAGER, email="max@example.com")
    recruiter = make_user(RECRUITER)
    position = make_position(Kit.objects.get(slug="mid-screen"))
    position.hiring_managers.set([manager])
    for name in ("Ann Longname-Example", "Bob Example", "Cat Example"):
        interview = make_interview(recruiter, position=position, candidate=make_candidate(name))
        submit(interview, ["strong", "average", "weak", "strong", "average", "weak", "strong"])
    assert len(position.areas_asked) == 6
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("max@example.com")

    page.goto(f"{live_server.url}/positions/{position.pk}/")

    expect(page.get_by_text("3 candidates", exact=True)).to_be_visible()
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('.review-table, body')]"
        ".map(e => [e.className || e.tagName, e.scrollWidth - e.clientWidth,"
        " e.parentElement && e.parentElement.scrollWidth - e.parentElement.clientWidth])"
    )
    assert all(max(extra, parent or 0) <= 0 for _, extra, parent in overflow), overflow
    first = page.locator(".review-table tbody tr").first
    for label in ("Score", "Red flags", "Recommendation", "Decision", "Screened"):
        expect(first.locator(f'td[data-label="{label}"]')).to_be_visible()
    expect(first.get_by_text(re.compile(r"^by "))).to_be_visible()  # the interviewer
    if os.environ.get("SAVE_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['SAVE_SCREENSHOTS']}/review-{width}.png", full_page=True)
    audit.check(page)


def printed(page, tmp_path, name: str) -> list[str]:
    """The page printed to an A4 PDF as Chromium prints it; returns each page's text."""
    from pypdf import PdfReader

    path = tmp_path / f"{name}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    page.emulate_media(media="screen")
    return [" ".join(unicodedata.normalize("NFKC", text).split()) for text in pages]  # ﬂ -> fl


def test_printouts_fit_their_pages_and_keep_every_column(
    page, live_server, sign_in, shipped_content, tmp_path
):
    """Issue 14: a 7-question scorecard on at most 2 pages; the review on one landscape page
    with every column and no filters; compare with every chosen candidate."""
    from interviews.models import Kit

    manager = make_user(HIRING_MANAGER, email="max@example.com")
    recruiter = make_user(RECRUITER)
    position = make_position(Kit.objects.get(slug="mid-screen"))
    position.hiring_managers.set([manager])
    names = ["Ann Example", "Bob Example", "Cat Example", "Dan Example"]
    interviews = [
        submit(
            make_interview(recruiter, position=position, candidate=make_candidate(name)),
            ["strong", "average", "weak", "strong", "average", "weak", "strong"],
            notes=[f"{name} gave a clear, concrete answer about their last project."] * 7,
        )
        for name in names
    ]
    sign_in("max@example.com")

    page.goto(f"{live_server.url}/interviews/{interviews[0].pk}/scorecard/")
    scorecard = printed(page, tmp_path, "scorecard")
    assert len(scorecard) <= 2, len(scorecard)
    text = " ".join(scorecard)
    flat = re.sub(r"\W+", " ", text)
    for question in interviews[0].questions.all():
        words = re.sub(r"\W+", " ", question.prompt).split()[:5]
        assert " ".join(words) in flat, question.prompt

    page.goto(f"{live_server.url}/positions/{position.pk}/")
    review = printed(page, tmp_path, "review")
    assert len(review) == 1, len(review)
    for column in ("Candidate", "Score", "Red flags", "Recommendation", "Decision", "Screened"):
        assert column in review[0], column
    for area in ("Python language", "Working practices"):
        assert area in review[0], area
    assert "Show candidates" not in review[0]  # the filters are not printed
    assert all(name in review[0] for name in names)

    chosen = "&".join(f"interview={i.pk}" for i in interviews)
    page.goto(f"{live_server.url}/positions/{position.pk}/compare/?{chosen}")
    compare = printed(page, tmp_path, "compare")
    first_page = compare[0]
    assert all(name in first_page for name in names), first_page[:300]
    assert "Overall score" in first_page
