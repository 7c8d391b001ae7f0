"""How well the decoder finds technologies, measured on ten labelled résumés written for the tests.

The labels (tests/resumes/labelled/labels.yaml) say which glossary terms a careful recruiter
would say each résumé mentions; they were written from the text, not from the matcher's output,
and revised by reading on 2026-11-27 for the 690-term glossary. (The honest measure is the
evaluation set of real résumés, in ``make bench``; this one guards against regressions.)
The résumés hold traps: everyday words that are also names or aliases of terms ("feature
requests", "Black Friday", "render repairs"), which case-insensitive matching cannot tell apart.
"""

from pathlib import Path

import yaml

from glossary.decoding import decode

LABELLED = Path(__file__).resolve().parent.parent / "resumes" / "labelled"
# Measured on 2026-11-27 (690 terms, the résumé rules): precision 0.994, recall 0.958. The
# floors catch regressions.
MIN_PRECISION = 0.98
MIN_RECALL = 0.94


def test_precision_and_recall_on_labelled_resumes(shipped_content):
    labels = yaml.safe_load((LABELLED / "labels.yaml").read_text(encoding="utf-8"))
    true_positives = false_positives = false_negatives = 0

    for name, expected in labels.items():
        text = (LABELLED / name).read_text(encoding="utf-8")
        found = {item.term.slug for item in decode(text).found}
        true_positives += len(found & set(expected))
        false_positives += len(found - set(expected))
        false_negatives += len(set(expected) - found)

    precision = true_positives / (true_positives + false_positives)
    recall = true_positives / (true_positives + false_negatives)
    print(f"\n{len(labels)} labelled résumés: precision {precision:.3f}, recall {recall:.3f}")
    assert len(labels) >= 10
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
