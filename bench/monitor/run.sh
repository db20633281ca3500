#!/usr/bin/env bash
# Bench: the population monitor on national SYNTHETIC microdata (17.5 million inhabitants x 6 years).
# Times (1) the full Gem indicator run, (2) the same aggregation as one plain DuckDB SQL script, (3) an R data.table
# script; prints wall time, peak memory (max RSS) and ratios. Not run by CI. Needs /usr/bin/time, Rscript + data.table.
# Usage: bench/monitor/run.sh [scale]      (scale 1 = national size; e.g. 0.05 for a quick try)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scale="${1:-1}"
work="$root/bench/out/monitor-$scale"
data="$work/microdata"
mkdir -p "$work"
dotnet build -c Release "$root/bench/Gem.Monitor.Bench" -v q -nologo > /dev/null
bench="dotnet $root/artifacts/bin/Gem.Monitor.Bench/release/Gem.Monitor.Bench.dll"

if [ ! -f "$data/synthetisch_microdata_2022.csv" ]; then
  echo "generating synthetic microdata (scale $scale, years 2017-2022) ..."
  /usr/bin/time -f "generate: %e s wall, %M KB max RSS" $bench generate "$root/datasets" "$data" 2017 2022 "$scale"
fi
du -sh "$data"

measure() { # name, command...
  local name="$1"; shift
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  read -r wall rss user sys < "$work/$name.time"
  printf "%-14s %8.1f s wall %8.1f s cpu %8.0f MB   %s\n" "$name" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(tail -n 1 "$work/$name.log")"
  eval "wall_$name=$wall; rss_$name=$rss"
}

# Read the files once so every run finds them in the page cache: otherwise the first run (gem) pays for the disk.
cat "$data"/*.csv > /dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; scale $scale; load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure gem       $bench gem "$data/synthetisch_microdata_*.csv" "$work/gem.csv"
measure duckdb_sql $bench sql "$here/indicators.sql" "$data/synthetisch_microdata_*.csv" "$work/sql.csv"
if [ "${SKIP_R:-0}" = "1" ]; then exit 0; fi   # SKIP_R=1: only gem vs plain SQL
measure r_datatable Rscript "$here/indicators.R" "$data" "$work/r.csv"

awk -v g="$wall_gem" -v s="$wall_duckdb_sql" -v r="$wall_r_datatable" -v gm="$rss_gem" -v sm="$rss_duckdb_sql" -v rm="$rss_r_datatable" 'BEGIN {
  printf "ratios (wall): gem/sql = %.2f, gem/R = %.2f; (peak memory): gem/sql = %.2f, gem/R = %.2f\n", g/s, g/r, gm/sm, gm/rm }'
# Same numbers? Compare the PC4-year count and total inhabitants of the three outputs.
for f in sql r; do
  a=$(awk -F';' 'NR>1 && $1 ~ /^[0-9]/ {n++; s+=$3} END {print n, s}' "$work/$f.csv")
  echo "$f output: PC4-years and inhabitants = $a"
done
echo "gem output: PC4-years = $(grep -c '^20' "$work/gem.csv") (inhabitants rounded to 5, small PC4s suppressed)"
