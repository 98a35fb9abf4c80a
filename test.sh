#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine, builds, checks formatting, and runs
# every test project, the property tests with line and branch coverage of kernel/, checking/ and statemachines/ (the run fails
# below the thresholds just below; see docs/quality.md). Then it packs the NuGet packages into a local folder feed and
# builds, runs and tests the samples against them, as an embedder would (see docs/packaging.md).
# Budgets for property and explorer tests come from environment variables (see docs/testing.md);
# the defaults keep this well inside CI's limit. Each phase prints how long it took.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 2
fi

# Coverage thresholds (total over kernel/ and statemachines/, in percent): the figures when the gate landed, rounded
# down. Raise them as coverage grows; never lower them.
min_line_coverage=92
min_branch_coverage=82

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

phase "tools"
# serve's end-to-end tests drive the real kubectl (properties/Serving/Kubectl), which this project does not install.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "error: serve's tests need kubectl on PATH (https://kubernetes.io/docs/tasks/tools/)" >&2
  exit 2
fi
echo "kubectl found: $(command -v kubectl)"
# The etcd store's tests start a real etcd (properties/Serving/Storage/EtcdServer.cs): Debian's etcd-server provides it.
if command -v etcd >/dev/null 2>&1; then
  echo "etcd found: $(command -v etcd)"
elif [ "$(id -u)" -eq 0 ]; then
  echo "etcd is missing: installing Debian's etcd-server with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server
else
  echo "error: the etcd store's tests need etcd; run as root, or first: sudo apt-get install -y etcd-server" >&2
  exit 2
fi
# The HTML reports' tests open them in a real headless Chromium (properties/Reports/HeadlessChromium.cs): Debian's chromium.
if command -v chromium >/dev/null 2>&1; then
  echo "chromium found: $(command -v chromium)"
elif [ "$(id -u)" -eq 0 ]; then
  echo "chromium is missing: installing Debian's chromium with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
  echo "error: the HTML reports' tests need chromium; run as root, or first: sudo apt-get install -y chromium" >&2
  exit 2
fi

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
coverage_dir=properties/bin/coverage
rm -rf "$coverage_dir"
dotnet test properties --nologo --no-build -c Release -v quiet --logger "console;verbosity=minimal" --blame-hang-timeout 15m \
  --collect "XPlat Code Coverage" --settings properties/coverage.runsettings --results-directory "$coverage_dir"

phase "coverage gate"
report=$(find "$coverage_dir" -name coverage.cobertura.xml | head -n 1)
if [ -z "$report" ]; then
  echo "error: no coverage report under $coverage_dir" >&2
  exit 1
fi
# One line per assembly and the total, from the Cobertura report; fails below the thresholds.
awk -v min_line="$min_line_coverage" -v min_branch="$min_branch_coverage" '
  function attr(name) { return match($0, name "=\"[^\"]*\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) : "" }
  /<coverage / { lc = attr("lines-covered"); lv = attr("lines-valid"); bc = attr("branches-covered"); bv = attr("branches-valid") }
  /<package / { printf "  %-26s line %6.2f %%   branch %6.2f %%\n", attr("name"), attr("line-rate") * 100, attr("branch-rate") * 100 }
  END {
    line = lv > 0 ? 100 * lc / lv : 0; branch = bv > 0 ? 100 * bc / bv : 0
    printf "  %-26s line %6.2f %%   branch %6.2f %%   (thresholds %d %% / %d %%)\n", "total", line, branch, min_line, min_branch
    if (line < min_line || branch < min_branch) { print "error: coverage is below its threshold" > "/dev/stderr"; exit 1 }
  }' "$report"

phase "pack"
# The four packages, from the Release build just tested, into the folder feed the samples restore from.
rm -rf artifacts/packages
dotnet pack Kernel.sln --nologo --no-build -c Release -v quiet -o artifacts/packages
ls artifacts/packages

phase "samples"
# Each run restores the packages just packed: a cached copy of the same version would hide a change.
rm -rf artifacts/sample-packages/kubekernel*
dotnet build samples/Orchestrator --nologo -c Release -v quiet -clp:ErrorsOnly
dotnet format samples/Orchestrator --no-restore --verify-no-changes
dotnet run --project samples/Orchestrator --no-build -c Release
dotnet build samples/BackupControllerTests --nologo -c Release -v quiet -clp:ErrorsOnly
dotnet format samples/BackupControllerTests --no-restore --verify-no-changes
dotnet test samples/BackupControllerTests --nologo --no-build -c Release -v quiet --logger "console;verbosity=minimal"

end_phase
printf '\nall tests passed in %ss\n' "$(( $(date +%s) - start ))"
