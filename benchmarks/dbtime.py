"""Database time of the position review page, measured inside Django.

``python benchmarks/dbtime.py POSITION_ID`` renders the review page of that position (as its
hiring manager) five times with the test client and prints the queries of the last render and
the total time spent executing them (median of the five), in milliseconds.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def main(position: int) -> None:
    """Print the review page's database time and its queries."""
    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(email="bench-manager@example.com"))
    totals: list[float] = []
    queries: list[tuple[float, str]] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - started) * 1000, sql))

    for _ in range(5):
        queries.clear()
        with connection.execute_wrapper(timed):
            response = client.get(f"/positions/{position}/")
        assert response.status_code == 200, response.status_code
        totals.append(sum(elapsed for elapsed, _ in queries))
    print(
        f"position review, database time: {statistics.median(totals):.1f} ms "
        f"(median of 5) in {len(queries)} queries ({connection.vendor})"
    )
    for elapsed, sql in sorted(queries, reverse=True)[:5]:
        print(f"  {elapsed:7.2f} ms  {sql[:150]}")


if __name__ == "__main__":
    main(int(sys.argv[1]))
