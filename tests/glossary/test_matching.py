"""Finding glossary terms in text."""

import pytest

from glossary.matching import Rules, TermMatcher, find_links

SPELLINGS = {
    1: ["Go", "Golang"],
    2: ["Rust"],
    3: ["Java"],
    4: ["JavaScript", "JS"],
    5: ["C#"],
    6: [".NET", "dotnet"],
    7: ["Node.js", "NodeJS"],
    8: ["CI/CD", "continuous integration"],
    9: ["ASP.NET"],
    10: ["Django"],
    11: ["Django REST framework", "DRF", "django-rest-framework"],
    12: ["PostgreSQL", "Postgres"],
    13: ["Kubernetes", "k8s"],
    14: ["C++"],
    15: ["C"],  # one-letter names are found by their own expression, not the automaton
    16: ["R"],
}


def found(text: str) -> list[tuple[str, int]]:
    matcher = TermMatcher(SPELLINGS)
    return [(text[m.start : m.end], m.term_id) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I googled Google", []),
        ("Built in Go and Rust", [("Go", 1), ("Rust", 2)]),
        ("I trust Rustaceans", []),
        ("JavaScript, not Java.", [("JavaScript", 4), ("Java", 3)]),
        ("C#, .NET and ASP.NET", [("C#", 5), (".NET", 6), ("ASP.NET", 9)]),
        ("Node.js services", [("Node.js", 7)]),
        ("set up CI/CD.", [("CI/CD", 8)]),
        ("Django REST framework APIs", [("Django REST framework", 11)]),
        ("Django REST framework and plain Django", [("Django REST framework", 11), ("Django", 10)]),
        ("DJANGO-REST-FRAMEWORK", [("DJANGO-REST-FRAMEWORK", 11)]),
        ("postgres, POSTGRESQL", [("postgres", 12), ("POSTGRESQL", 12)]),
        ("ran k8s clusters", [("k8s", 13)]),
        ("Python-based tooling in Go-lang", [("Go", 1)]),
        ("C++ and C#", [("C++", 14), ("C#", 5)]),
        ("Django-based", [("Django", 10)]),
        ("C, C++ and C#; R", [("C", 15), ("C++", 14), ("C#", 5), ("R", 16)]),
        ("ABC, RCA, R2-D2 and c.d", []),
        ("用C语言和R", [("C", 15), ("R", 16)]),
        # A year glued before a name (PDF and LaTeX tables), a version glued after it.
        ("2005Java, 2011Django", [("Java", 3), ("Django", 10)]),
        ("Rust2 and Django5.1 services", [("Rust", 2), ("Django", 10)]),
        ("x2005Java, Java2005, 12Rust, C2", []),
        ("", []),
    ],
)
def test_matching_rules(text, expected):
    assert found(text) == expected


def test_matching_offsets_survive_characters_that_change_length():
    text = "İstanbul team used Django"

    assert found(text) == [("Django", 10)]


def test_names_wrapped_over_lines_are_found_with_their_original_offsets():
    text = "We set up\ncontinuous   integration\n\tand Django"

    assert found(text) == [("continuous   integration", 8), ("Django", 10)]


def test_empty_glossary_finds_nothing():
    assert TermMatcher({}).find("Django") == []


def test_a_link_at_the_end_of_a_very_long_word_is_found():
    """Links are looked for only in the stretches with "@", "/" or "www." in them; such a
    stretch is found whole however long it is."""
    text = "x" * 5000 + "https://example.org/ada and then " + "y" * 3000 + "@example.org"
    links = find_links(text)

    assert [(link.url, link.kind) for link in links] == [
        ("https://example.org/ada", "website"),
        ("y" * 3000 + "@example.org", "e-mail"),
    ]


def test_an_everyday_word_term_written_distinctively_needs_no_neighbour():
    """ "Bootstrap" alone is a verb until a technology stands near it; "Twitter Bootstrap" is
    never anything else."""
    matcher = TermMatcher(
        {1: ["Bootstrap", "Twitter Bootstrap", "Bootstrap.js"]}, {1: Rules(needs_context=True)}
    )

    def found(text):
        return [text[m.start : m.end] for m in matcher.find(text, resume=True)]

    assert found("Personal site. Uses Twitter Bootstrap library.") == ["Twitter Bootstrap"]
    assert found("Wrote the Bootstrap.js theme.") == ["Bootstrap.js"]
    assert found("Helped Bootstrap the local chess club.") == []
