"""Test settings: the project's settings with ``DJANGO_TESTING`` on.

Testing mode allows the built-in development secret key, keeps email in memory (Django's test
runner swaps the mailer) and serves static files without the manifest (no collectstatic needed).
"""

import os

os.environ.setdefault("DJANGO_TESTING", "1")

from project.settings import *  # noqa: E402, F403
from project.settings import DATABASES, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, like production: the in-memory test database locks whole tables without waiting,
    # so the browser tests' overlapping saves (a note and a rating) would fail there only.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

# One process: an in-memory cache, emptied around every test (see conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
