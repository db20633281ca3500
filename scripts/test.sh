#!/usr/bin/env bash
# Runs every test of Gem. First installs what the tests need from Debian's packages
# (PostgreSQL, Chromium, R for the monitor's cross-checks, aiosmtpd as a real SMTP server) and starts a throwaway
# PostgreSQL cluster on a free loopback port, which is stopped and removed at the end.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Atlas]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql chromium r-base-core r-cran-data.table python3-aiosmtpd python3-icalendar)
# Node.js and npm (for the interop validators) come with the machine; only a machine without them gets Debian's.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} from Debian packages..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The outside validators the interop tests run (OpenAPI, iCalendar parsers), pinned by package-lock.json.
npm ci --prefix tests/Gem.Web.Tests/Atlas/Interop/Checks --no-audit --no-fund --silent

# A throwaway PostgreSQL cluster for this run.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/gem-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
cleanup() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
export GEM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=200"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $port"

# Test hosts poll instead of opening inotify instances (128 per user on Linux, shared with Chromium); see NoFileWatchers.cs.
export DOTNET_USE_POLLING_FILE_WATCHER=true DOTNET_hostBuilder__reloadConfigOnChange=false

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test Gem.sln --blame-hang-timeout 10m --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line over all test assemblies: "N passed, N failed, N skipped".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
