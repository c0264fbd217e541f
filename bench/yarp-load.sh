#!/usr/bin/env bash
# Load benchmark of the YARP data plane (issue 7, docs/performance.md "YARP data plane").
# Installs wrk (Debian package) if it is missing, builds the benchmark in Release, and runs, in one process and one
# run: (a) plain YARP IHttpForwarder to one backend, (b) GatewayApi.Yarp with 1 route, (c) GatewayApi.Yarp with
# 10,000 routes, all in front of the same Kestrel backend on loopback, measured with the same wrk settings.
# Extra arguments go to the run: --routes N --connections C --threads T --duration S --warmup S --rounds R --out FILE
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing the Debian package"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk
fi

project=bench/GatewayApi.Yarp.Benchmarks
dotnet build -c Release "$project" -nologo -v q -clp:ErrorsOnly

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Socket|Thread)' || true
grep MemTotal /proc/meminfo || true
(. /etc/os-release && echo "OS: $PRETTY_NAME") || true
echo "dotnet SDK $(dotnet --version); $(wrk --version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S') UTC; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== run"
dotnet "$project/bin/Release/net10.0/GatewayApi.Yarp.Benchmarks.dll" load "$@"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
