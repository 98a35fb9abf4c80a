#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine, builds, checks formatting, and runs
# every test project, the property tests with line and branch coverage of kernel/ and statemachines/ (the run fails
# below the thresholds in properties/KubeKernel.Properties.csproj; see docs/quality.md).
# Budgets for property and explorer tests come from environment variables (see docs/testing.md);
# the defaults keep this well inside CI's limit. Each phase prints how long it took.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 2
fi

start=$(date +%s)
timings=()
phase_name=""
phase_start=0

# Starts a phase, closing the previous one (its duration goes into the summary printed at the end).
phase() {
  end_phase
  phase_name="$1"
  phase_start=$(date +%s)
  printf '\n== %s\n' "$phase_name"
}

end_phase() {
  if [ -n "$phase_name" ]; then
    local took=$(( $(date +%s) - phase_start ))
    timings+=("$(printf '%-32s %4ss' "$phase_name" "$took")")
    printf -- '-- %s took %ss\n' "$phase_name" "$took"
    phase_name=""
  fi
}

print_timings() {
  end_phase
  printf '\nphase times:\n'
  printf '  %s\n' "${timings[@]}"
}
trap print_timings EXIT

phase "restore"
dotnet restore Kernel.sln --nologo -v quiet

phase "build"
dotnet build Kernel.sln --nologo --no-restore -c Release -v quiet -clp:ErrorsOnly

phase "format"
# House style (.editorconfig); `dotnet format Kernel.sln` fixes what this reports.
dotnet format Kernel.sln --no-restore --verify-no-changes

phase "test analyzers.tests"
dotnet test analyzers.tests --nologo --no-build -c Release -v quiet --logger "console;verbosity=minimal" --blame-hang-timeout 15m

phase "test properties (with coverage)"
dotnet test properties --nologo --no-build -c Release -v quiet --logger "console;verbosity=minimal" --blame-hang-timeout 15m \
  -p:CollectCoverage=true

end_phase
printf '\nall tests passed in %ss\n' "$(( $(date +%s) - start ))"
