"""Benchmark: decoding a 30 KB résumé against the whole shipped glossary.

Run with ``make bench``. Loads the shipped content into an in-memory SQLite database, builds a
résumé of about 30 KB from the test résumés, then reports the time to decode it (find every term,
group them, work out the signals) and to mark it up as HTML for the page, as the median of
several runs. Prints figures; asserts nothing about speed.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.template import Context  # noqa: E402

RUNS = 20
TARGET_BYTES = 30 * 1024


def main() -> None:
    """Print the median decode and markup times for a 30 KB résumé, in milliseconds."""
    call_command("migrate", verbosity=0)
    call_command("load_default_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from glossary.decoding import decode
    from glossary.matching import current
    from glossary.models import Term
    from glossary.templatetags.glossary import resume_terms

    sources = sorted((ROOT / "tests" / "resumes").rglob("*.txt"))
    base = "\n\n".join(path.read_text(encoding="utf-8") for path in sources)
    text = (base * (TARGET_BYTES // len(base.encode()) + 1))[:TARGET_BYTES]

    started = time.perf_counter()
    current()
    build_ms = (time.perf_counter() - started) * 1000

    decode_ms, markup_ms = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        decoded = decode(text)
        decode_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        resume_terms(Context(), decoded)
        markup_ms.append((time.perf_counter() - started) * 1000)

    mentions = sum(item.count for item in decoded.found)
    print(f"glossary: {Term.objects.count()} terms; résumé: {len(text.encode()) / 1024:.1f} KB")
    print(f"matcher build (once per process and glossary change): {build_ms:.1f} ms")
    print(
        f"decode, median of {RUNS}: {statistics.median(decode_ms):.1f} ms "
        f"({len(decoded.found)} terms, {mentions} mentions)"
    )
    markup = statistics.median(markup_ms)
    print(f"HTML markup (each term once per paragraph), median of {RUNS}: {markup:.1f} ms")


if __name__ == "__main__":
    main()
