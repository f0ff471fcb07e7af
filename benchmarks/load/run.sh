#!/usr/bin/env bash
# The mixed load run of docs/reliability.md ("Load") at full size: 50 connections for 60 s against the handler
# started by the launch contract and Azurite on loopback. The same test runs in `dotnet test` at 10 connections for
# 5 s. Override with FG_LOAD_CONNECTIONS / FG_LOAD_SECONDS; the Markdown table goes to FG_LOAD_REPORT.
# Usage: benchmarks/load/run.sh [dotnet test options, e.g. --no-build]   (from anywhere; Release)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$root/artifacts"
export FG_LOAD_CONNECTIONS="${FG_LOAD_CONNECTIONS:-50}"
export FG_LOAD_SECONDS="${FG_LOAD_SECONDS:-60}"
export FG_LOAD_REPORT="${FG_LOAD_REPORT:-$root/artifacts/load-report.md}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test "$root/tests/FunctionsGateway.Functions.Tests" -c Release \
  --filter "FullyQualifiedName~Reliability.Load.MixedLoadTests" --logger "console;verbosity=normal" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$FG_LOAD_REPORT"
