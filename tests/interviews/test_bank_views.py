"""The question-bank list and question pages."""

import pytest

from interviews.roles import HIRING_MANAGER
from tests.factories import guidance_texts, make_area, make_question, make_term, make_user

pytestmark = pytest.mark.django_db


def test_bank_lists_active_questions_grouped_by_area(signed_in):
    data = make_area("data", "Databases & data", order=4)
    make_question("python-gil", prompt="What is the GIL?")
    make_question("data-index", area=data, prompt="When do you add an index?")
    make_question("python-retired", prompt="A retired question?", active=False)

    html = signed_in.get("/bank/").content.decode()

    assert "2 questions" in html
    assert "What is the GIL?" in html
    assert "When do you add an index?" in html
    assert "A retired question?" not in html
    assert html.index('id="area-python"') < html.index('id="area-data"')
    assert 'href="/bank/python-gil/"' in html


def test_bank_filters_by_area_level_and_words(signed_in):
    data = make_area("data", "Databases & data", order=4)
    make_question("python-gil", level="senior", prompt="What is the GIL?")
    make_question("python-venv", level="junior", prompt="Why use a virtual environment?")
    make_question("data-gil", area=data, level="senior", prompt="GIL and databases?")

    by_area_level = signed_in.get("/bank/", {"area": "python", "level": "senior"}).content.decode()
    by_words = signed_in.get("/bank/", {"q": "virtual environment"}).content.decode()

    assert "What is the GIL?" in by_area_level
    assert "GIL and databases?" not in by_area_level
    assert "Why use a virtual environment?" not in by_area_level
    assert "1 question<" in by_words
    assert "Why use a virtual environment?" in by_words


def test_bank_search_matches_linked_term_names(signed_in):
    term = make_term("drf", name="Django REST framework")
    make_question("back-end-api", prompt="How do you build an API?", terms=[term])
    make_question("python-other", prompt="Something else?")

    html = signed_in.get("/bank/", {"q": "django rest"}).content.decode()

    assert "How do you build an API?" in html
    assert "Something else?" not in html


def test_bank_htmx_request_gets_only_the_results(signed_in):
    make_question("python-gil", prompt="What is the GIL?")

    response = signed_in.get("/bank/", {"q": "GIL"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert "What is the GIL?" in html


def test_bank_unknown_area_shows_message_next_to_field(signed_in):
    make_question("python-gil", prompt="What is the GIL?")

    html = signed_in.get("/bank/", {"area": "cobol"}).content.decode()

    assert "Select a valid choice. That choice is not one of the available choices." in html
    assert "Fix the filters above to see questions." in html
    assert "What is the GIL?" not in html


def test_bank_no_match_says_so(signed_in):
    make_question("python-gil", prompt="What is the GIL?")

    html = signed_in.get("/bank/", {"q": "kubernetes"}).content.decode()

    assert "No question matches these filters." in html


@pytest.mark.parametrize("size", [3, 30])
def test_bank_query_count_does_not_grow_with_the_bank(signed_in, django_assert_num_queries, size):
    areas = [make_area("python"), make_area("data", order=2)]
    term = make_term("gil")
    for n in range(size):
        make_question(f"q-{n}", area=areas[n % 2], terms=[term])

    # user, roles, areas for the filter form, questions with their areas, unread notifications
    # (session: cached)
    with django_assert_num_queries(5):
        response = signed_in.get("/bank/")

    assert response.content.decode().count('href="/bank/q-') == size


def test_question_page_shows_every_field(client):
    client.force_login(make_user(HIRING_MANAGER))
    term = make_term("gil", name="GIL")
    question = make_question("python-threads", level="senior", minutes=4, terms=[term])

    html = client.get("/bank/python-threads/").content.decode()

    for text in [
        *guidance_texts(question),
        "GIL explained simply.",
        "Senior",
        "About 4 min",
        "Not in any kit yet.",
    ]:
        assert text in html, text
    assert "Edit in the admin" not in html


def test_question_page_unknown_slug_is_404(signed_in):
    assert signed_in.get("/bank/nope/").status_code == 404
