"""``make bench``: the app's paths against bare-Django baselines, on the production path.

Builds a fresh database (PostgreSQL when ``DATABASE_URL`` names one: a new database on that
server; SQLite otherwise) with generated data (``benchmarks/data.py``: one position with 10,000
screenings, a live screening of 30 questions), starts gunicorn with production settings and two
sync workers, and drives each path with wrk (8 connections) in the same run as the baselines
served by the same workers (``project/bench.py``): an indexed UPDATE answered by a 300-byte
fragment, a 3 KB template with a 20-item loop, and a ``select_related`` list of 50 of the
10,000 rows; and the first two again for a signed-in user (session, user and, for the POST, the
CSRF check: what every app path pays besides its own work). For each path it prints requests/s,
p50 and p99 latency, server CPU ms per request (from the workers' CPU time in /proc) and the ratio
to its baseline with the target. Then the database time of the position review
(``benchmarks/dbtime.py``) and the résumé decoder's precision and recall. It never fails on a
slow machine: it prints.

Usage: ``python benchmarks/run.py [--seconds N] [--only NAME,...]``.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from serve import gunicorn, production_env

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
PORT = 8111
TICKS = os.sysconf("SC_CLK_TCK")
PYTHON = sys.executable


@dataclass
class Path_:
    """One thing to measure: a request, who makes it, and what it is compared with."""

    name: str
    url: str
    method: str = "GET"
    who: str = ""  # "recruiter" or "manager": the session cookie to send
    htmx: bool = False
    body: str | None = None  # a lua expression for a per-request body (wrk counter ``n``)
    sample: str | None = None  # one such body, to measure a response's size
    file_body: Path | None = None  # a fixed body read from a file
    content_type: str = "application/x-www-form-urlencoded"
    baseline: str = ""  # the name of the baseline path
    target: float | None = None  # the largest acceptable ratio of CPU ms to the baseline's
    connections: int = 8


@dataclass
class Result:
    name: str
    requests: int
    per_second: float
    p50: float
    p99: float
    cpu_ms: float
    errors: int
    size: int


def fresh_database() -> str:
    """Create an empty database for the run and return its URL."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith("postgres"):
        parts = urlsplit(configured)
        server = urlunsplit(parts._replace(path="/postgres"))
        for sql in ("DROP DATABASE IF EXISTS workbench_bench", "CREATE DATABASE workbench_bench"):
            subprocess.run(["psql", server, "-qc", sql], check=True, capture_output=True)
        return urlunsplit(parts._replace(path="/workbench_bench"))
    database = WORK / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{database}"


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def worker_cpu_seconds(master: int) -> float:
    """User + system CPU seconds of gunicorn's workers (the master's children)."""
    total = 0
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def lua_script(path: Path_, cookies: dict, data: dict, directory: Path) -> Path:
    """A wrk script sending ``path``'s method, headers and body (per request if it varies)."""
    who = cookies.get(path.who)
    headers = {"Host": "127.0.0.1"}
    if who:
        headers["Cookie"] = f"sessionid={who['session']}; csrftoken={who['csrf']}"
        headers["X-CSRFToken"] = data["masked_csrf"][path.who]
    if path.htmx:
        headers["HX-Request"] = "true"
    if path.method == "POST":
        headers["Content-Type"] = path.content_type
    lines = ["n = 0", f'wrk.method = "{path.method}"']
    lines += [f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items()]
    if path.file_body:
        lines.append(
            f'local f = io.open("{path.file_body}", "rb"); wrk.body = f:read("*a"); f:close()'
        )
    if path.body:
        lines += [
            "request = function()",
            "  n = n + 1",
            f"  return wrk.format(nil, nil, nil, {path.body})",
            "end",
        ]
    script = directory / f"{re.sub(r'[^a-z0-9]+', '-', path.name.lower())}.lua"
    script.write_text("\n".join(lines) + "\n")
    return script


def milliseconds(text: str) -> float:
    """wrk's latency text ("812.34us", "12.5ms", "1.02s", "1.20m") in milliseconds."""
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not found:
        raise ValueError(f"unexpected latency in wrk's output: {text!r}")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[unit]


def measure(path: Path_, master: int, seconds: int, script: Path) -> Result:
    """Warm up, then run wrk on ``path`` and read the workers' CPU time around it."""
    url = f"http://127.0.0.1:{PORT}{path.url}"
    # two connections, so both workers build what they build once (the decoder's matcher and
    # word lists) before the measurement, and a timeout long enough for that
    warm = ["wrk", "-t1", "-c2", "-d2s", "--timeout", "30s", "-s", str(script), url]
    subprocess.run(warm, capture_output=True, check=True)
    before = worker_cpu_seconds(master)
    threads = min(2, path.connections)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{path.connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "30s",  # a 2 MB résumé takes longer than wrk's default of 2 s; its latency counts
        "-s",
        str(script),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    (WORK / "wrk-last.txt").write_text(output)
    cpu = worker_cpu_seconds(master) - before
    if "Latency Distribution" not in output:
        raise RuntimeError(f"wrk gave no latencies for {path.name}:\n{output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    size = probe_size(path, script)
    return Result(
        name=path.name,
        requests=requests,
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50=milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        p99=milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        cpu_ms=cpu * 1000 / max(requests, 1),
        errors=int(errors.group(1)) if errors else 0,
        size=size,
    )


def probe_size(path: Path_, script: Path) -> int:
    """The size in bytes of one response body (wrk does not report it per request)."""
    headers = dict(re.findall(r'wrk.headers\["([^"]+)"\] = "([^"]*)"', script.read_text()))
    body = path.file_body.read_bytes() if path.file_body else None
    if path.sample is not None:
        body = path.sample.encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path.url}", data=body, headers=headers, method=path.method
    )
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 - the loopback only
            return len(response.read())
    except urllib.error.HTTPError as exc:
        return len(exc.read())


def main() -> None:
    """Run every measurement and print the report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 8)))
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK / "cache", ignore_errors=True)
    database_url = fresh_database()
    env = production_env(WORK, database_url, DJANGO_BENCHMARK_VIEWS="1")
    print(f"== database: {database_url.split('://')[0]}; generating data", flush=True)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    data = json.loads(
        subprocess.run(
            [PYTHON, "benchmarks/data.py"], cwd=ROOT, env=env, check=True, capture_output=True
        ).stdout.splitlines()[-1]
    )
    cookies = {"recruiter": data["recruiter"], "manager": data["manager"]}
    directory = Path(tempfile.mkdtemp(prefix="bench-"))
    base = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "resumes").rglob("*.txt"))
    )
    small = directory / "resume-30k.body"
    small.write_text(urlencode({"text": (base * 20)[: 30 * 1024], "budget": 30}))
    big = directory / "resume-2m.body"
    boundary = "benchboundary"
    two_mb = (base * 200).encode()[: 2 * 1024 * 1024 - 100_000]
    big.write_bytes(
        f'--{boundary}\r\nContent-Disposition: form-data; name="budget"\r\n\r\n30\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n".encode()
        + two_mb
        + f"\r\n--{boundary}--\r\n".encode()
    )
    live, question = data["live"], data["live_question"]
    paths = [
        Path_("baseline: UPDATE + 300 B fragment", f"/bench/update/{question}/"),
        Path_("baseline: 3 KB template, 20-item loop", "/bench/template/"),
        Path_("baseline: select_related list, 50 rows", f"/bench/list/{data['position']}/"),
        # What every app path pays besides its own work (session, user, CSRF): not targets.
        Path_(
            "baseline: signed in, UPDATE + 300 B",
            f"/bench/signed-in/update/{question}/",
            "POST",
            "recruiter",
            baseline="baseline: UPDATE + 300 B fragment",
        ),
        Path_(
            "baseline: signed in, 3 KB template",
            "/bench/signed-in/template/",
            who="recruiter",
            baseline="baseline: 3 KB template, 20-item loop",
        ),
        Path_(
            "rating save (next panel)",
            f"/interviews/{live}/answers/",  # as the rating buttons post it
            "POST",
            "recruiter",
            htmx=True,
            body='"number=1&parts=rating&rating=" .. ({"strong","average","weak"})[n % 3 + 1]',
            sample="number=1&parts=rating&rating=strong",
            baseline="baseline: 3 KB template, 20-item loop",
            target=1.5,
        ),
        Path_(
            "notes autosave",
            f"/interviews/{live}/q/1/answer/",
            "POST",
            "recruiter",
            htmx=True,
            body='"parts=notes&overwrite=on&notes_version=0&notes=Said+it+clearly+" .. n',
            sample="parts=notes&overwrite=on&notes_version=0&notes=Said+it+clearly+0",
            baseline="baseline: UPDATE + 300 B fragment",
            target=1.5,
        ),
        Path_(
            "cue tick",
            f"/interviews/{live}/q/1/answer/",
            "POST",
            "recruiter",
            htmx=True,
            body='"parts=cues&cues=" .. (n % 3)',
            sample="parts=cues&cues=1",
            baseline="baseline: UPDATE + 300 B fragment",
            target=1.5,
        ),
        Path_(
            "workbench question GET (page)",
            f"/interviews/{live}/q/3/",
            who="recruiter",
            baseline="baseline: 3 KB template, 20-item loop",
            target=1.5,
        ),
        Path_(
            "workbench next question (htmx)",
            f"/interviews/{live}/q/4/",
            who="recruiter",
            htmx=True,
            baseline="baseline: 3 KB template, 20-item loop",
            target=1.5,
        ),
        Path_(
            "scorecard, 30 questions",
            f"/interviews/{data['scorecard']}/scorecard/",
            who="recruiter",
            baseline="baseline: 3 KB template, 20-item loop",
            target=3,
        ),
        Path_(
            f"position review, 50 of {data['screenings']:,}",
            f"/positions/{data['position']}/",
            who="manager",
            baseline="baseline: select_related list, 50 rows",
            target=2,
        ),
        Path_(
            "recruiter dashboard (5,000 own)",
            "/",
            who="recruiter",
            baseline="baseline: 3 KB template, 20-item loop",
        ),
        Path_(
            "manager dashboard",
            "/",
            who="manager",
            baseline="baseline: 3 KB template, 20-item loop",
        ),
        Path_(
            "résumé decoder, 30 KB text",
            "/decoder/",
            "POST",
            "recruiter",
            file_body=small,
            connections=1,
        ),
        Path_(
            "résumé decoder, 2 MB file",
            "/decoder/",
            "POST",
            "recruiter",
            file_body=big,
            content_type=f"multipart/form-data; boundary={boundary}",
            connections=1,
        ),
    ]
    if options.only:
        wanted = options.only.split(",")
        paths = [
            p for p in paths if p.name.startswith("baseline") or any(w in p.name for w in wanted)
        ]

    errors = WORK / "server-errors.log"
    logging = ("--log-level", "warning", "--error-logfile", str(WORK / "gunicorn.log"))
    with gunicorn(env, PORT, "/bench/template/", errors, *logging) as server:
        time.sleep(1)
        results: dict[str, Result] = {}
        print(f"== wrk, {options.seconds} s per path, 8 connections (decoder: 1)", flush=True)
        for path in paths:
            script = lua_script(path, cookies, data, directory)
            results[path.name] = measure(path, server.pid, options.seconds, script)
            print(f"   measured {path.name}", flush=True)

    report(paths, results)
    print()
    subprocess.run([PYTHON, "benchmarks/dbtime.py", str(data["position"])], cwd=ROOT, env=env)
    shutil.rmtree(directory, ignore_errors=True)


def report(paths: list[Path_], results: dict[str, Result]) -> None:
    """Print the table of figures, ratios and targets."""
    head = f"{'path':<38}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'CPU ms':>8}{'KB':>8}"
    print("\n" + head + f"{'ratio':>7}  target")
    for path in paths:
        result = results[path.name]
        line = (
            f"{path.name:<38}{result.per_second:>8.1f}{result.p50:>8.1f}{result.p99:>8.1f}"
            f"{result.cpu_ms:>8.2f}{result.size / 1024:>8.1f}"
        )
        if path.baseline:
            ratio = result.cpu_ms / results[path.baseline].cpu_ms
            verdict = ""
            if path.target:
                verdict = f"≤ {path.target:g}x " + ("met" if ratio <= path.target else "NOT met")
            line += f"{ratio:>6.1f}x  {verdict}"
        if result.errors:
            line += f"  ({result.errors} non-2xx/3xx answers)"
        print(line)


if __name__ == "__main__":
    main()
