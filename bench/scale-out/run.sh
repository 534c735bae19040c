#!/usr/bin/env bash
# Scale-out throughput: FILES generated MT940 files (ENTRIES lines each) imported by a manager with 1 and then
# 2 workers, RUNS times each, on a fresh PostgreSQL database per run and one RabbitMQ queue.
# Needs: ./mvnw -q -DskipTests package, PostgreSQL on 127.0.0.1:5432 (trust), RabbitMQ on 127.0.0.1:5672.
# Usage: bench/scale-out/run.sh [FILES] [ENTRIES] [RUNS]   (default 200 50 3); figures on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILES=${1:-200}; ENTRIES=${2:-50}; RUNS=${3:-3}
JAR=jobs/target/finance-batch.jar
WORK=$(mktemp -d /tmp/finbatch-scaleout-XXXX)
trap 'pkill -f "finbatch.scaleout.bench" || true; rm -rf "$WORK"' EXIT
python3 - "$WORK/inbox" "$FILES" "$ENTRIES" <<'PY'
import os, random, sys
inbox, files, entries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(inbox)
for f in range(1, files + 1):
    rnd = random.Random(f)
    balance = 500000000  # cents
    lines = [":20:SCALE%d" % f, ":25:DE89370400440532013000", ":28C:00001/001", ":60F:C261030EUR5000000,00"]
    for i in range(1, entries + 1):
        value = rnd.randint(1, 999999)
        credit = rnd.random() < 0.5
        balance += value if credit else -value
        lines.append(":61:2610301030%s%d,%02dNTRFREF%d-%d//B%d" % ("C" if credit else "D", value // 100, value % 100, f, i, i))
        lines.append(":86:166?00SEPA-UEBERWEISUNG?20EREF+INV-%d-%d?21SVWZ+Invoice %d" % (f, i, i))
    lines.append(":62F:C261030EUR%d,%02d" % (balance // 100, balance % 100))
    with open(os.path.join(inbox, "statement-%04d.sta" % f), "w", encoding="latin-1") as out:
        out.write("\r\n".join(lines) + "\r\n-\r\n")
PY
run() {
  local workers=$1 db="finbatch_scaleout_$RANDOM$RANDOM" queue="finbatch.partitions.bench-$RANDOM$RANDOM"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
  local props=(-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true
    -Dspring.datasource.username=postgres -Dfinbatch.partitions.queue=$queue -Dlogging.level.root=WARN)
  java "${props[@]}" -jar "$JAR" period list >/dev/null
  local pids=()
  for w in $(seq 1 "$workers"); do
    java -Dfinbatch.scaleout.bench=1 "${props[@]}" -Dlogging.level.io.finbatch.jobs.scaleout=INFO -jar "$JAR" worker \
      > "$WORK/worker-$w.log" 2>&1 & pids+=($!)
  done
  for w in $(seq 1 "$workers"); do
    until grep -q "worker ready" "$WORK/worker-$w.log"; do sleep 0.5; done
  done
  local start end
  start=$(date +%s.%N)
  java -Dfinbatch.mode=manager -Dfinbatch.partitions.poll-interval=200ms "${props[@]}" -jar "$JAR" \
    import --inbox "$WORK/inbox" --partitioned > "$WORK/manager.log" 2>&1
  end=$(date +%s.%N)
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
  local lines seconds
  lines=$(psql -At -h 127.0.0.1 -U postgres -d "$db" -c "SELECT COUNT(*) FROM statement_line")
  # the job's own time (JVM start-up of the manager left out)
  seconds=$(psql -At -h 127.0.0.1 -U postgres -d "$db" -c "SELECT EXTRACT(EPOCH FROM e.END_TIME - e.START_TIME)
    FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i USING (JOB_INSTANCE_ID) WHERE i.JOB_NAME = 'partitionedImport'")
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db" >/dev/null
  printf "workers=%d job_seconds=%.2f with_manager_start=%.2f lines=%d lines_per_s=%.0f files_per_s=%.1f | %s\n" \
    "$workers" "$seconds" "$(echo "$end - $start" | bc)" "$lines" "$(echo "$lines / $seconds" | bc -l)" \
    "$(echo "$FILES / $seconds" | bc -l)" "$(grep -m1 '^execution' "$WORK/manager.log" | cut -c1-90)"
}
for r in $(seq 1 "$RUNS"); do
  run 1
  run 2
done
