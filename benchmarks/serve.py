"""Serve the app with gunicorn for a benchmark, as production does (shared by run.py and
lighthouse.py)."""

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(work: Path, database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a benchmark's server and helper scripts: production settings on the
    loopback, without TLS or Redis, and without the caller's own ``DJANGO_`` settings.

    Args:
        work: the benchmark's working folder (the file cache goes in it).
        database_url: the database to use.
        settings: more environment variables (for example ``DJANGO_BENCHMARK_VIEWS="1"``).

    Returns:
        The environment, ready for ``subprocess``.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SECRET_KEY="benchmark-secret-key-for-the-loopback-only-0123456789abcdef",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_CACHE_DIR=str(work / "cache"),
        DATABASE_URL=database_url,
        **settings,
    )
    return env


@contextmanager
def gunicorn(
    env: dict, port: int, ready_path: str, errors: Path, *extra: str
) -> Iterator[subprocess.Popen]:
    """Run two gunicorn workers on 127.0.0.1:``port`` until the block ends.

    Args:
        env: the environment (settings) of the server.
        port: the TCP port to bind.
        ready_path: a path that answers once the app is up; waited for (at most 20 s).
        errors: the file the server's standard error goes to.
        extra: more gunicorn options.

    Yields:
        The server process (its ``pid`` is the gunicorn master).
    """
    with errors.open("w") as log:
        server = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "project.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--no-control-socket",
                *extra,
            ],
            cwd=ROOT,
            env=env,
            stderr=log,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}")  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)
