#!/usr/bin/env bash
# make loadtest: two gunicorn instances (production settings, two sync workers each) on one
# PostgreSQL database and one Redis, 50 simulated recruiters for 60 s (Locust, headless), a worker
# killed every few seconds, then the database checked against every acknowledged save.
# Prints figures; exits non-zero on any 5xx or any acknowledged save missing.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${LOADTEST_USERS:-50}
SECONDS_TO_RUN=${LOADTEST_SECONDS:-60}
KILL_EVERY=${LOADTEST_KILL_EVERY:-5}
PG=${LOADTEST_PG:-postgres://root@127.0.0.1:5432}
DB=workbench_loadtest
OUT=var/loadtest
PY=.venv/bin/python

export DJANGO_SECRET_KEY=load-test-secret-key-for-the-loopback-only-0123456789
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=0
export DATABASE_URL="$PG/$DB"
export REDIS_URL=${LOADTEST_REDIS:-redis://127.0.0.1:6379/5}
export DJANGO_LOG_LEVEL=WARNING
export DJANGO_TRUSTED_PROXY_COUNT=1  # the simulated proxy: X-Forwarded-For carries each recruiter

rm -rf "$OUT" && mkdir -p "$OUT"
echo "== fresh database $DB, content and $USERS recruiters"
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input -v 0
$PY loadtest/setup_data.py "$USERS"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

for port in 8101 8102; do
  .venv/bin/gunicorn project.wsgi --bind "127.0.0.1:$port" --workers 2 --no-control-socket \
    --timeout 30 --log-level warning --pid "$OUT/gunicorn-$port.pid" 2>>"$OUT/gunicorn-$port.log" &
  pids+=($!)
done
for port in 8101 8102; do
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/accounts/login/" && break; sleep 0.2; done
done

# Kill one worker (not a master) of either instance every few seconds, as a crash would.
(
  while sleep "$KILL_EVERY"; do
    master=$(cat "$OUT/gunicorn-$((8101 + RANDOM % 2)).pid" 2>/dev/null) || continue
    victim=$(pgrep -P "$master" | shuf -n 1) || continue
    [ -n "$victim" ] && kill -9 "$victim" && echo "$(date +%T) killed worker $victim" >>"$OUT/kills.log"
  done
) &
pids+=($!)

echo "== $USERS recruiters for ${SECONDS_TO_RUN}s, a worker killed every ${KILL_EVERY}s"
LOADTEST_HOSTS=http://127.0.0.1:8101,http://127.0.0.1:8102 LOADTEST_ACKS="$OUT/acks.jsonl" \
  .venv/bin/locust -f loadtest/locustfile.py --headless -u "$USERS" -r 10 -t "${SECONDS_TO_RUN}s" \
  --csv "$OUT/locust" --only-summary --loglevel WARNING 2>"$OUT/locust.log" || true

echo "== per action (p50 / p95 in ms)"
$PY loadtest/report.py "$OUT/locust_stats.csv"
echo "workers killed: $(wc -l <"$OUT/kills.log" 2>/dev/null || echo 0)"
echo "== the database against every acknowledged save"
$PY loadtest/check.py "$OUT/acks.jsonl"
status=$?
server_errors=$($PY loadtest/report.py --server-errors "$OUT/locust_failures.csv")
echo "5xx answers: $server_errors"
[ "$server_errors" = 0 ] && [ "$status" = 0 ]
