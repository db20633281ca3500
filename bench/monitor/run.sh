#!/usr/bin/env bash
# Bench: the population monitor on national SYNTHETIC microdata (17.5 million inhabitants x 6 years).
# Times (1) the full Gem indicator run, (2) the same aggregation as one plain DuckDB SQL script, (3) both again over a
# columnar cache (the CSV written once as Parquet by DuckDB), (4) an R data.table script; RUNS runs each (default 3),
# min and median; then compares the indicator VALUES of all outputs. Not run by CI. Needs /usr/bin/time, bc,
# Rscript + data.table. Usage: [RUNS=3] [SKIP_R=1] bench/monitor/run.sh [scale]   (scale 1 = national size; 0.05 to try)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scale="${1:-1}"
work="$root/bench/out/monitor-$scale"
data="$work/microdata"
mkdir -p "$work"
[ "${NO_BUILD:-0}" = "1" ] || dotnet build -c Release "$root/bench/Gem.Monitor.Bench" -v q -nologo > /dev/null
bench="dotnet $root/artifacts/bin/Gem.Monitor.Bench/release/Gem.Monitor.Bench.dll"

if [ ! -f "$data/synthetisch_microdata_2022.csv" ]; then
  echo "generating synthetic microdata (scale $scale, years 2017-2022) ..."
  /usr/bin/time -f "generate: %e s wall, %M KB max RSS" $bench generate "$root/datasets" "$data" 2017 2022 "$scale"
fi
du -sh "$data"

RUNS="${RUNS:-3}"   # timed runs per tool; min and median are reported

measure() { # name, command...   (one run: wall time, CPU and peak memory into $work/$name.time)
  local name="$1"; shift
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  read -r wall rss user sys < "$work/$name.time"
  printf "%-14s %8.1f s wall %8.1f s cpu %8.0f MB   load %s   %s\n" "$name" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)" "$(tail -n 1 "$work/$name.log")"
  echo "$wall" >> "$work/$name.walls"
}
repeat() { # name, command...   RUNS runs, then "name: min X s, median Y s"
  local name="$1"; shift
  rm -f "$work/$name.walls"
  for _ in $(seq "$RUNS"); do measure "$name" "$@"; done
  sort -n "$work/$name.walls" | awk -v n="$name" '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%-14s min %.1f s, median %.1f s over %d runs\n", n, a[1], m, NR; print a[1], m > "/dev/stderr"}' 2> "$work/$name.stats"
}
stat() { cut -d' ' -f"$2" "$work/$1.stats"; }

# Read the files once so every run finds them in the page cache: otherwise the first run (gem) pays for the disk.
cat "$data"/*.csv > /dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; scale $scale; $RUNS runs per tool; load average $(cut -d' ' -f1-3 /proc/loadavg)"
repeat gem        $bench gem "$data/synthetisch_microdata_*.csv" "$work/gem.csv"
repeat duckdb_sql $bench sql "$here/indicators.sql" "$data/synthetisch_microdata_*.csv" "$work/sql.csv"

# Columnar cache: the CSV files written once as Parquet by DuckDB; repeat runs read only the columns they need.
parquet="$work/parquet"
if [ ! -f "$parquet/synthetisch_microdata_2022.parquet" ]; then
  measure parquet_write $bench parquet "$data" "$parquet"
fi
du -sh "$data" "$parquet"
repeat gem_parquet $bench gem "$parquet/synthetisch_microdata_*.parquet" "$work/gem_parquet.csv"
repeat sql_parquet $bench sql "$here/indicators.sql" "$parquet/synthetisch_microdata_*.parquet" "$work/sql_parquet.csv"

if [ "${SKIP_R:-0}" != "1" ]; then   # SKIP_R=1: only gem vs plain SQL
  repeat r_datatable Rscript "$here/indicators.R" "$data" "$work/r.csv"
fi

awk -v g="$(stat gem 2)" -v s="$(stat duckdb_sql 2)" -v gm="$(stat gem 1)" -v sm="$(stat duckdb_sql 1)" \
    -v gp="$(stat gem_parquet 2)" -v sp="$(stat sql_parquet 2)" -v gpm="$(stat gem_parquet 1)" 'BEGIN {
  printf "gem/sql (CSV, both every run):            median %.2f, min %.2f\n", g/s, gm/sm
  printf "gem on Parquet / sql on CSV (repeat run):  median %.2f, min %.2f\n", gp/s, gpm/sm
  printf "gem/sql (both on Parquet):                 median %.2f\n", gp/sp }'
[ -f "$work/r_datatable.stats" ] && awk -v g="$(stat gem 2)" -v r="$(stat r_datatable 2)" 'BEGIN { printf "gem/R (CSV): median %.2f\n", g/r }'

# Same VALUES? Every indicator Gem publishes per PC4-year against the plain SQL, R, and Gem on Parquet.
others=("$work/sql.csv" "$work/sql_parquet.csv" "$work/gem_parquet.csv")
[ -f "$work/r.csv" ] && others+=("$work/r.csv")
$bench compare "$work/gem.csv" "${others[@]}"
