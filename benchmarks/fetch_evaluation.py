"""Fetch the evaluation résumés into ``var/evaluation/`` from the manifest's pinned URLs.

The texts are not committed (they hold people's names and contacts); the manifest says where
each comes from, at which commit. ``python benchmarks/fetch_evaluation.py`` downloads the ones
missing from the local cache and checks each against the manifest's commit URL; a machine
without access to GitHub keeps whatever the cache holds and says which are missing.
"""

import sys
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "resumes" / "evaluation" / "manifest.yaml"
CACHE = ROOT / "var" / "evaluation"
EXTENSIONS = {
    "json-resume": "json",
    "yaml": "yaml",
    "markdown": "md",
    "latex": "tex",
    "html": "html",
    "text": "txt",
}


def cached(entry: dict) -> Path | None:
    """The cached text of a manifest entry, if any (its extension is the original file's)."""
    found = sorted(CACHE.glob(f"{entry['id']}.*"))
    return found[0] if found else None


def main() -> int:
    """Fetch what is missing; print what could not be fetched. Returns the exit status."""
    CACHE.mkdir(parents=True, exist_ok=True)
    missing = []
    for entry in yaml.safe_load(MANIFEST.read_text(encoding="utf-8")):
        if cached(entry):
            continue
        suffix = Path(entry["path"]).suffix.lstrip(".") or EXTENSIONS[entry["format"]]
        target = CACHE / f"{entry['id']}.{suffix}"
        try:
            with urllib.request.urlopen(entry["url"], timeout=20) as response:  # noqa: S310
                target.write_bytes(response.read())
            print(f"fetched {entry['id']} from {entry['repo']}")
        except (urllib.error.URLError, OSError) as exc:
            missing.append(f"{entry['id']} ({entry['url']}): {exc}")
    if missing:
        print(f"{len(missing)} résumé(s) could not be fetched:", *missing, sep="\n  ")
        return 1
    print(f"all {len(list(CACHE.iterdir()))} résumés are in {CACHE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
