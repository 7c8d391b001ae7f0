"""The decoder's evaluation sets: each manifest and its labels agree, with no personal data.

The texts are fetched by ``benchmarks/fetch_evaluation.py`` and are not in the repository; what
is, the manifests and labels, must stay usable by ``benchmarks/evaluate.py``."""

import re

import pytest

from benchmarks.fetch_evaluation import EXTENSIONS, SETS, load

FIELDS = {"id", "repo", "path", "commit", "url", "licence", "format", "language", "era", "kind"}


@pytest.mark.parametrize("name", SETS)
def test_each_manifest_entry_is_pinned_and_labelled(name):
    manifest = load(name, "manifest")
    labels = load(name, "labels")
    ids = [entry["id"] for entry in manifest]

    assert len(ids) == len(set(ids)) >= 20
    assert set(ids) == set(labels)
    for entry in manifest:
        assert set(entry) >= FIELDS, entry["id"]
        assert entry["format"] in EXTENSIONS, entry["id"]
        assert re.fullmatch(r"[0-9a-f]{40}", entry["commit"]), entry["id"]
        assert entry["commit"] in entry["url"], entry["id"]
        assert entry["repo"] in entry["url"], entry["id"]
        assert "@" not in str(entry), entry["id"]  # no e-mail addresses


@pytest.mark.parametrize("name", SETS)
def test_labels_name_each_technology_once(name):
    for resume, items in load(name, "labels").items():
        named = [item["name"].casefold() for item in items]

        assert named, resume
        assert all(set(item) <= {"name", "written"} for item in items), resume
        assert len(named) == len(set(named)), (resume, [n for n in named if named.count(n) > 1])
