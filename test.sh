#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine, builds, and runs every test.
# Budgets for property and explorer tests come from environment variables (see docs/testing.md);
# the defaults keep this well inside CI's limit.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 2
fi

phase() { printf '\n== %s\n' "$1"; }
start=$(date +%s)

phase "restore"
dotnet restore Kernel.sln --nologo -v quiet

phase "build"
dotnet build Kernel.sln --nologo --no-restore -c Release -v quiet -clp:ErrorsOnly

phase "test"
dotnet test Kernel.sln --nologo --no-build -c Release -v quiet --logger "console;verbosity=minimal" --blame-hang-timeout 15m

printf '\nall tests passed in %ss\n' "$(( $(date +%s) - start ))"
