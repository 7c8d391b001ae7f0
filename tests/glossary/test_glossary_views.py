"""The glossary pages, and glossary terms marked in question text."""

import pytest

from glossary.models import Term
from glossary.views import rank
from tests.factories import make_area, make_question, make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    back_end = make_area("back-end", "Back-end & APIs", order=2)
    python = make_area("python", "Python language", order=1)
    return {
        "drf": make_term("drf", name="Django REST framework", area=back_end, aliases=["DRF"]),
        "django": make_term("django", name="Django", area=back_end),
        "asyncio": make_term("asyncio", name="asyncio", area=python, aliases=["async / await"]),
    }


def test_rank_puts_exact_name_or_alias_first(terms):
    everything = list(Term.objects.all())

    assert [t.slug for t in rank(everything, "drf")] == ["drf"]
    assert [t.slug for t in rank(everything, "django")] == ["django", "drf"]
    assert [t.slug for t in rank(everything, "explained")] == ["asyncio", "django", "drf"]
    assert rank(everything, "  ") == []


def test_index_groups_terms_by_area_in_order(signed_in, terms):
    html = signed_in.get("/glossary/").content.decode()

    assert "3 words you will meet" in html
    assert html.index('id="area-python"') < html.index('id="area-back-end"')
    assert 'href="/glossary/drf/">Django REST framework</a>' in html


def test_index_a_to_z(signed_in, terms):
    html = signed_in.get("/glossary/", {"by": "az"}).content.decode()

    assert html.index(">asyncio<") < html.index(">Django<") < html.index(">Django REST framework<")


def test_search_as_you_type_returns_ranked_results_only(signed_in, terms):
    response = signed_in.get("/glossary/", {"q": "django"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "2 terms for “django”" in html
    assert html.index('href="/glossary/django/"') < html.index('href="/glossary/drf/"')


def test_term_page_shows_everything_and_the_questions_covering_it(signed_in, terms):
    terms["drf"].related.add(terms["django"])
    make_question("back-end-apis", prompt="How do you build an API?", terms=[terms["drf"]])
    make_question("retired", prompt="Old question?", terms=[terms["drf"]], active=False)

    html = signed_in.get("/glossary/drf/").content.decode()

    for text in [
        "Django REST framework explained simply.",
        "Résumés that mention",
        "Experience with Django REST framework.",
        ">DRF</span>",
        'href="/glossary/django/"',
        "How do you build an API?",
    ]:
        assert text in html, text
    assert "Old question?" not in html


def test_question_text_marks_terms_with_their_meaning(signed_in, terms):
    make_question("back-end-apis", prompt="Have you used DRF or plain Django views?")

    html = signed_in.get("/bank/back-end-apis/").content.decode()

    assert '<a class="term" href="/glossary/drf/" aria-describedby="term-tip-drf">DRF</a>' in html
    assert '<span class="term-tip" role="tooltip" id="term-tip-drf" hidden>' in html
    assert "Django REST framework</strong> Django REST framework explained simply." in html
    assert '<a class="term" href="/glossary/django/"' in html


def test_each_term_has_one_tooltip_however_often_it_is_marked(signed_in, terms):
    question = make_question("django-twice", prompt="Django or Django REST framework?")
    question.strong = "Compares Django views with DRF viewsets, Django forms with serializers."
    question.save()

    html = signed_in.get("/bank/django-twice/").content.decode()

    assert html.count('aria-describedby="term-tip-django"') >= 3
    assert html.count('id="term-tip-django"') == 1
    assert html.count('id="term-tip-drf"') == 1


def test_new_alias_is_marked_at_once(signed_in, terms):
    make_question("python-async", prompt="When would you reach for coroutines?")
    before = signed_in.get("/bank/python-async/").content.decode()

    terms["asyncio"].aliases = ["async / await", "coroutines"]
    terms["asyncio"].save()
    after = signed_in.get("/bank/python-async/").content.decode()

    assert 'href="/glossary/asyncio/"' not in before
    assert '<a class="term" href="/glossary/asyncio/"' in after
    assert ">coroutines</a>" in after


def test_marking_escapes_the_text(signed_in, terms):
    make_question("tricky", prompt="<b>Django</b> & you?")

    html = signed_in.get("/bank/tricky/").content.decode()

    assert '&lt;b&gt;<a class="term" href="/glossary/django/"' in html
    assert "&lt;/b&gt; &amp; you?" in html
