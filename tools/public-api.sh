#!/usr/bin/env bash
# Rewrites each packable project's PublicAPI.Unshipped.txt to the public surface the code has now: every public symbol
# not already in PublicAPI.Shipped.txt. Run it after a deliberate change of the public API and review the diff: the
# build (Microsoft.CodeAnalysis.PublicApiAnalyzers) fails on any public symbol the files do not declare (RS0016) and on
# any declared symbol the code no longer has (RS0017). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in statemachines/KubeKernel.StateMachines.csproj kernel/KubeKernel.csproj checking/KubeKernel.Checking.csproj generators/KubeKernel.Generators.csproj; do
  dir=$(dirname "$project")
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  # The code fix of RS0016 adds each undeclared symbol; a project is fixed after the ones it references.
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info -v quiet
  echo "$dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped, $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) shipped"
done
