"""Serve the app with gunicorn for a benchmark, as production does (shared by run.py and
lighthouse.py)."""

import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
