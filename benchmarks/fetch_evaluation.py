"""Fetch the evaluation résumés into ``var/<set>/`` from the manifests' pinned URLs.

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
SETS = (
    "evaluation",
    "evaluation-b",
    "evaluation-c",
    "evaluation-d",
    "evaluation-e",
    "evaluation-f",
)
EXTENSIONS = {
    "json-resume": "json",
    "yaml": "yaml",
    "markdown": "md",
    "latex": "tex",
    "html": "html",
    "text": "txt",
}


def load(name: str, prefix: str) -> list | dict:
    """A set's ``manifest`` (a list) or ``labels`` (a mapping): ``<prefix>.yaml``, or the union of
    its parts ``<prefix>-*.yaml``."""
    folder = ROOT / "tests" / "resumes" / name
    whole = folder / f"{prefix}.yaml"
    parts = [whole] if whole.exists() else sorted(folder.glob(f"{prefix}-*.yaml"))
    loaded = [yaml.safe_load(part.read_text(encoding="utf-8")) for part in parts]
    if loaded and isinstance(loaded[0], dict):
        return {key: value for part in loaded for key, value in part.items()}
    return [entry for part in loaded for entry in part]


def entries(name: str) -> list[dict]:
    """A set's manifest entries."""
    return load(name, "manifest")


def main() -> int:
    """Fetch what is missing; print what could not be fetched. Returns the exit status."""
    missing, total = [], 0
    for name in SETS:
        cache = ROOT / "var" / name
        cache.mkdir(parents=True, exist_ok=True)
        for entry in entries(name):
            total += 1
            if not any(cache.glob(f"{entry['id']}.*")):
                missing += fetch(entry, cache)
    if missing:
        print(f"{len(missing)} résumé(s) could not be fetched:", *missing, sep="\n  ")
        return 1
    print(f"all {total} résumés are in var/{{{','.join(SETS)}}}/")
    return 0


def fetch(entry: dict, cache: Path) -> list[str]:
    """Download one résumé into ``cache``; returns ``[]``, or the reason it failed."""
    # By format, not by the file's own suffix: ``.htm`` is read as ``.html``, ``.rst`` as ``.txt``.
    target = cache / f"{entry['id']}.{EXTENSIONS[entry['format']]}"
    try:
        with urllib.request.urlopen(entry["url"], timeout=20) as response:  # noqa: S310
            target.write_bytes(response.read())
    except (urllib.error.URLError, OSError) as exc:
        return [f"{entry['id']} ({entry['url']}): {exc}"]
    print(f"fetched {entry['id']} from {entry['repo']}")
    return []


if __name__ == "__main__":
    sys.exit(main())
