"""The workbench on the screens recruiters use: what the call needs is in view and uncovered.

On arrival at every question of the Mid-level kit, at five sizes, the question to read aloud,
the three answer patterns and the rating bar are inside the window, and nothing covers them; from
1280 x 720 up the cues are too. The same after rating (the next question swaps in) and with red
flags ticked. The page never scrolls sideways. ``SAVE_SCREENSHOTS=docs/screenshots`` also writes
a screenshot per size.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from interviews.models import Kit, RedFlag
from interviews.roles import RECRUITER
from tests.factories import make_candidate, make_interview, make_position, make_user

LAYOUT_CHECK = (Path(__file__).with_name("layout_check.js")).read_text(encoding="utf-8")
SIZES = [(1366, 768), (1280, 720), (1024, 768), (768, 1024), (390, 844)]
ESSENTIAL = ["#question-heading", ".answer-strong", ".answer-average", ".answer-weak"]


def problems(page, width: int, height: int) -> list[str]:
    """What is out of the window or covered, as readable lines (empty when all is well)."""
    selectors = ESSENTIAL + (["#panel fieldset"] if width >= 1280 and height >= 720 else [])
    return page.evaluate(LAYOUT_CHECK, [selectors, width, height])


@pytest.fixture
def interview(shipped_content):
    recruiter = make_user(RECRUITER, email="rita@example.com")
    position = make_position(Kit.objects.get(slug="mid-screen"))
    return make_interview(recruiter, position=position, candidate=make_candidate("Sam Candidate"))


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_call_is_in_view_on_arrival_after_rating_and_with_flags(
    page, live_server, sign_in, interview, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    sign_in("rita@example.com")
    total = interview.questions.count()

    for number in range(1, total + 1):
        page.goto(f"{live_server.url}/interviews/{interview.pk}/q/{number}/")
        assert problems(page, width, height) == [], f"question {number}, on arrival"
    # Nothing pushes the page sideways (the rail scrolls within itself on narrow screens).
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{live_server.url}/interviews/{interview.pk}/q/1/")
    page.locator('#panel button[value="strong"]').click()
    expect(page.get_by_text(f"Question 2 of {total}", exact=True)).to_be_visible()
    expect(page.locator("#question-heading")).to_be_in_viewport(ratio=1)  # scrolled to, settled
    assert problems(page, width, height) == [], "after rating question 1"

    for flag in RedFlag.objects.all()[:3]:
        interview.red_flags.create(red_flag=flag, name=flag.name)
    page.reload()
    expect(page.locator("#flags")).not_to_have_attribute("open", "")
    assert problems(page, width, height) == [], "with red flags ticked"

    if os.environ.get("SAVE_SCREENSHOTS"):
        folder = Path(os.environ["SAVE_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"workbench-{width}x{height}.png"))


FOCUS_CHECK = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth)
        return `out of the window: ${element.outerHTML.slice(0, 80)}`;
    const hit = document.elementFromPoint(x, y);
    if (hit && (element.contains(hit) || hit.contains(element))) return null;
    return `${element.outerHTML.slice(0, 80)} covered by ${hit && hit.outerHTML.slice(0, 80)}`;
}"""


@pytest.mark.parametrize(
    ("width", "height"), [(1280, 720), (390, 844)], ids=["1280x720", "390x844"]
)
def test_nothing_covers_the_focused_control(page, live_server, sign_in, interview, width, height):
    """WCAG 2.4.11: tabbing through a question, the sticky rating bar never hides the focus."""
    page.set_viewport_size({"width": width, "height": height})
    sign_in("rita@example.com")
    for number in (1, 4):
        page.goto(f"{live_server.url}/interviews/{interview.pk}/q/{number}/")
        page.locator("#question-heading").focus()
        seen = []
        for _ in range(60):
            page.keyboard.press("Tab")
            if not page.evaluate("document.activeElement.closest('#panel') !== null"):
                break
            seen.append(page.evaluate(FOCUS_CHECK))
        covered = [line for line in seen if line]
        assert len(seen) > 5
        assert covered == [], f"question {number}"
