"""Evaluation: the decoder on real public résumés nobody in the project wrote (``make bench``).

The set (``tests/resumes/evaluation/``: manifest and labels, texts fetched into
``var/evaluation/`` by ``benchmarks/fetch_evaluation.py``) was labelled by reading each résumé
before the decoder ever ran on it, and is never tuned to. Each résumé file is read the way an
upload is (``read_resume``: the same readers, in the same limited process), then decoded.

Counted as found: every glossary term and every recognised term (the decoder shows both).
A label is found when one of the found terms has the label's name or the résumé's spelling of it
(``written``) among its spellings, ignoring case: its name and aliases, each also without a
trailing bracket and as the bracket's content, and as the matcher writes them otherwise (see
``_keys``). Micro-averaged over all résumés:

- recall: labels found / labels;
- precision: found terms that match a label / found terms;
- and, second, the precision of what the page lists as technologies: the same, leaving out the
  glossary's ideas and practices (``kind: concept``: "Refactoring", "NoSQL") that match no label,
  since the page shows them apart and the labels do not count generic concepts.

Also printed: what the page lists as "Listed, but not recognised" (names in lists of
technologies that nothing knows), how many of those are labelled technologies, and recall if they
counted (the page shows them, unexplained). They are not counted in recall or precision above.

Misses are split into "not in the vocabulary" (no glossary or recognised term is spelt like the
label) and "matcher" (a term is spelt like it, but was not found); every false positive is
printed with the text around it. Prints figures; asserts nothing.

Six sets: ``evaluation`` (33 résumés, labelled in round 2; the matcher was then improved while
looking at its misses, so it is no longer an untouched set), ``evaluation-b`` (labelled later, by
other readers, and run once the matcher was done; its misses later guided matcher rules and
aliases) and ``evaluation-c`` (labelled blind in session 5, while the glossary grew from a list
of common résumé technologies; its first run is its figure; session 6's later matcher and
vocabulary changes were prompted partly by its output), ``evaluation-d`` (20 résumés labelled
blind in session 6, after that session's changes; its first run is its figure) and
``evaluation-e`` (30 résumés labelled blind in session 12; its first run, at commit cf88384, is
its figure) and ``evaluation-f`` (30 more, labelled blind at the end of session 12; its first
run, at commit 5cc9abb, is its figure). Each set's figures are printed apart.

Usage: ``python benchmarks/evaluate.py [--verbose] [SET ...]`` (default: every set;
``--verbose`` lists every miss).
"""

import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks.fetch_evaluation import SETS, load  # noqa: E402

_VERSION = re.compile(r"\s*v?\d+(?:\.\d+)*\+?$")


def _key(spelling: str) -> str:
    return " ".join(spelling.casefold().split())


_TRAILING_BRACKETS = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def _keys(term) -> set[str]:
    """Every spelling that names ``term``, as keys: its name and aliases, each also without a
    trailing bracket and as that bracket ("Infrastructure as code (IaC)" is also "Infrastructure
    as code" and "IaC"), and the other ways the matcher finds them written ("React-Router",
    "infrastructure as code" for "infrastructure-as-code")."""
    from glossary.matching import _variants

    spellings = set()
    for spelling in (term.name, *term.aliases):
        spellings.add(spelling)
        bracketed = _TRAILING_BRACKETS.match(spelling)
        if bracketed:
            spellings.update(bracketed.groups())
    return {_key(form) for s in spellings for form in (s, *(v for v, _ in _variants(s)))}


def main() -> None:
    """Decode every cached résumé of each set; print recall, precision, misses and mistakes."""
    verbose = "--verbose" in sys.argv
    sets = [a for a in sys.argv[1:] if not a.startswith("--")] or list(SETS)
    call_command("migrate", verbosity=0)
    call_command("load_default_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    for name in sets:
        evaluate(name, verbose=verbose)


def evaluate(name: str, *, verbose: bool = False) -> None:
    """Print one set's figures (see the module docstring).

    Args:
        name: the set's folder under ``tests/resumes/`` (its texts are in ``var/<name>/``).
        verbose: list every miss, not only the 40 most frequent.
    """
    from glossary.matching import current, scan_resume
    from glossary.resumes import ResumeError, read_resume

    cache = ROOT / "var" / name
    labels = load(name, "labels")
    manifest = load(name, "manifest")
    _, terms = current()
    vocabulary = {key for term in terms.values() for key in _keys(term)}

    found_total = true_found = label_total = label_found = concepts_unlabelled = 0
    listed_total = listed_labelled = label_listed = 0
    listed_wrong: list[str] = []
    not_in_vocabulary: list[str] = []
    matcher_misses: list[str] = []
    mistakes: list[str] = []
    suggested: list[str] = []  # "probably misspelt": shown apart, not counted
    skipped = []
    for entry in manifest:
        rid = entry["id"]
        files = sorted(cache.glob(f"{rid}.*"))
        if not files:
            skipped.append(rid)
            continue
        try:
            text = read_resume(files[0].name, files[0].read_bytes())
        except ResumeError as exc:
            print(f"{rid}: not read: {exc}")
            skipped.append(rid)
            continue
        scan = scan_resume(text)
        suggested += [f"{rid}: {p.written} → {term.name}" for p, term in scan.probable]
        found = {}
        for match, term in scan.terms:
            found.setdefault(term.pk, (term, match))
        spelled = {pk: _keys(term) for pk, (term, _) in found.items()}
        wanted = labels.get(rid) or []
        matched_terms = set()
        listed = {_key(_VERSION.sub("", name)): name for name in scan.unrecognised}
        listed_labelled_here = set()
        for label in wanted:
            keys = {_key(label["name"]), _key(label.get("written") or label["name"])}
            hits = [pk for pk, spellings in spelled.items() if spellings & keys]
            label_total += 1
            listed_labelled_here |= keys & listed.keys()
            if hits:
                label_found += 1
                matched_terms.update(hits)
            elif keys & listed.keys():
                label_listed += 1
            elif keys & vocabulary:
                matcher_misses.append(f"{rid}: {label['name']}")
            else:
                not_in_vocabulary.append(label["name"])
        listed_total += len(listed)
        listed_labelled += len(listed_labelled_here)
        listed_wrong += [f"{rid}: {listed[k]}" for k in listed if k not in listed_labelled_here]
        for pk, (term, match) in found.items():
            found_total += 1
            if pk in matched_terms:
                true_found += 1
            else:
                if getattr(term, "kind", "") == "concept":
                    concepts_unlabelled += 1
                around = text[max(0, match.start - 40) : match.end + 40].replace("\n", " ")
                kind = "glossary" if pk > 0 else "recognised"
                mistakes.append(f"{rid}: {term.name} ({kind}) in “…{around}…”")
    recall = label_found / label_total if label_total else 0
    precision = true_found / found_total if found_total else 0
    read = len(manifest) - len(skipped)
    print(f"== Decoder evaluation, set {name}: {read} of {len(manifest)} real résumés")
    print(f"   vocabulary: {len(terms)} terms (glossary and recognised)")
    if skipped:
        print(f"   not available here: {', '.join(skipped)} (benchmarks/fetch_evaluation.py)")
    print(f"   labels: {label_total}; found: {label_found}; terms found: {found_total}")
    print(f"   recall {recall:.3f}, precision {precision:.3f} (micro-averaged)")
    shown_as_technologies = found_total - concepts_unlabelled
    print(
        f"   precision of what the page lists as technologies: "
        f"{true_found / shown_as_technologies if shown_as_technologies else 0:.3f} "
        f"({concepts_unlabelled} unlabelled ideas and practices, shown apart, left out)"
    )
    print(
        f"   listed, not recognised (names in lists of technologies that nothing knows): "
        f"{listed_total}, of which {listed_labelled} labelled technologies "
        f"(precision {listed_labelled / listed_total if listed_total else 0:.3f}); "
        f"recall counting what the page shows there too: "
        f"{(label_found + label_listed) / label_total if label_total else 0:.3f}"
    )
    if listed_wrong:
        print("   listed but not labelled: " + "; ".join(listed_wrong))
    print(
        f"   misses: {len(not_in_vocabulary)} not in the vocabulary (nor listed), "
        f"{len(matcher_misses)} in it but not found (matcher)"
    )
    common = Counter(not_in_vocabulary).most_common(None if verbose else 40)
    print("   not in the vocabulary: " + ", ".join(f"{n} ×{c}" if c > 1 else n for n, c in common))
    print("   matcher misses: " + "; ".join(matcher_misses))
    print(
        f"   probably misspelt (suggested, not counted): {len(suggested)}: {'; '.join(suggested)}"
    )
    print(f"   false positives ({len(mistakes)}):")
    for line in mistakes:
        print(f"     {line}")


if __name__ == "__main__":
    main()
