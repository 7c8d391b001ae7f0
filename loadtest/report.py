"""Print Locust's CSV results as the load test reports them.

Usage: ``python loadtest/report.py STATS_CSV`` prints requests, failures, p50 and p95 per
action; ``python loadtest/report.py --server-errors FAILURES_CSV`` prints how many answers were
5xx (0 when the file is missing: no failures at all).
"""

import csv
import re
import sys
from pathlib import Path


def actions(path: str) -> None:
    """Print one line per request name, then the total."""
    rows = list(csv.DictReader(Path(path).read_text(encoding="utf-8").splitlines()))
    print(f"{'action':<26}{'requests':>9}{'failures':>9}{'p50':>7}{'p95':>7}{'req/s':>8}")
    for row in rows:
        print(
            f"{row['Name']:<26}{row['Request Count']:>9}{row['Failure Count']:>9}"
            f"{row['50%']:>7}{row['95%']:>7}{float(row['Requests/s']):>8.1f}"
        )


def server_errors(path: str) -> int:
    """How many failed answers carried a 5xx status."""
    if not Path(path).exists():
        return 0
    total = 0
    for row in csv.DictReader(Path(path).read_text(encoding="utf-8").splitlines()):
        if re.match(r"^5\d\d", row["Error"]) or "HTTPError('5" in row["Error"]:
            total += int(row["Occurrences"])
    return total


if __name__ == "__main__":
    if sys.argv[1] == "--server-errors":
        print(server_errors(sys.argv[2]))
    else:
        actions(sys.argv[1])
