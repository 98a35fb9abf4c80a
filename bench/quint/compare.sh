#!/usr/bin/env bash
# The Quint comparison (issue 24), in one run: random-simulation throughput of Quint's TypeScript simulator on the model
# in kernel.qnt against the kernel's checker on the same scope, and the time each takes to find the seeded
# double-allocated NodePort, with the counterexample's length. Installs what it needs (npm ci here when node_modules is
# missing; Node.js and the .NET SDK must be on the machine), builds the bench, prints a Markdown table.
#
#   bench/quint/compare.sh                      # about four minutes on a 2-core machine
#   QUINT_SAMPLES=1000 KERNEL_SECONDS=10 SEEDS=1-3 bench/quint/compare.sh   # a quicker look
#
# Every run is bounded (timeout); nothing is left running. Figures in docs/performance.md ("Peer comparison: Quint").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
samples="${QUINT_SAMPLES:-5000}"   # quint run --max-samples for the throughput run
seconds="${KERNEL_SECONDS:-30}"    # how long the kernel's throughput run checks histories
seeds="${SEEDS:-1-5}"              # seeds of the seeded-bug hunt, both tools
depth=20                           # --max-steps, and the kernel's drawn steps per history (QuintScope.Depth)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$here"
if [ ! -d node_modules/@informalsystems/quint ]; then
  echo "compare: installing Quint (npm ci)" >&2
  timeout 600 npm ci --no-audit --no-fund >&2
fi
quint=(node "$here/node_modules/@informalsystems/quint/dist/src/cli.js")
echo "compare: building the bench (Release)" >&2
timeout 900 dotnet build "$root/bench/KubeKernel.Bench.csproj" -c Release -v quiet -clp:ErrorsOnly --nologo >&2
bench=(dotnet "$root/bench/bin/Release/net10.0/KubeKernel.Bench.dll")

# timed FILE CMD...: runs CMD with its output in FILE and appends "wall user sys" (bash's time) to FILE.time.
timed() {
  local out="$1"; shift
  local TIMEFORMAT='%R %U %S'
  { time timeout 900 "$@" >"$out" 2>&1 || true; } 2>"$out.time"
}
wall() { awk '{print $1}' "$1.time"; }
cpu() { awk '{print $2 + $3}' "$1.time"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { grep -o "$2=[^ ]*" "$1" | head -1 | cut -d= -f2; }
seed_list() { if [[ "$seeds" == *-* ]]; then seq "${seeds%-*}" "${seeds#*-}"; else echo "$seeds"; fi; }

echo "compare: Quint $("${quint[@]}" --version), Node.js $(node --version), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# ---- (a) Quint: random simulation of the standard instance, every invariant of the model ----
# quint_run FILE N: N samples; sets steps (samples × the average trace length less the initial state) and sim_ms.
quint_run() {
  echo "compare: quint run, $2 samples of $depth steps" >&2
  timed "$1" "${quint[@]}" run "$here/kernel.qnt" --backend typescript --main standard --max-samples "$2" --max-steps "$depth" \
    --invariant Invariants --seed 0x2026 --verbosity 2 --hide pods
  grep -q '^\[ok\]' "$1" || { echo "compare: quint run did not pass:" >&2; tail -20 "$1" >&2; exit 1; }
  steps="$(awk -v n="$2" -v a="$(grep -o 'average=[0-9.]*' "$1" | cut -d= -f2)" 'BEGIN { printf "%.0f", n * (a - 1) }')"
  sim_ms="$(grep -o '^\[ok\] No violation found ([0-9]*ms' "$1" | grep -o '[0-9]*ms' | tr -d ms)"
}
q="$work/quint-throughput"
quint_run "$q-half" $((samples / 2)); half_steps="$steps"; half_ms="$sim_ms"
quint_run "$q" "$samples"; quint_steps="$steps"; quint_sim_ms="$sim_ms"
quint_wall_rate="$(div "$quint_steps" "$(wall "$q")")"
quint_cpu_rate="$(div "$quint_steps" "$(cpu "$q")")"
quint_sim_rate="$(div "$quint_steps" "$(awk -v ms="$quint_sim_ms" 'BEGIN { print ms / 1000 }')")"
# The second half alone: the full run's steps and simulation time less the half run's (the same seed draws the same
# first half), as the kernel's figure is its run's second half.
quint_warm_rate="$(div $((quint_steps - half_steps)) "$(awk -v a="$quint_sim_ms" -v b="$half_ms" 'BEGIN { print (a - b) / 1000 }')")"

# ---- (b) the kernel: the same scope's histories, the model's five invariants and then the whole catalogue ----
for set in model all; do
  echo "compare: kernel, $seconds s of histories, $set invariants" >&2
  timed "$work/kernel-$set" "${bench[@]}" quint-scope throughput --seconds "$seconds" --invariants "$set"
  grep -q '^throughput ' "$work/kernel-$set" || { echo "compare: the kernel's run failed:" >&2; cat "$work/kernel-$set" >&2; exit 1; }
done
k="$work/kernel-model"; ka="$work/kernel-all"
kernel_wall_rate="$(div "$(field "$k" reducer_steps)" "$(wall "$k")")"
kernel_cpu_rate="$(div "$(field "$k" reducer_steps)" "$(cpu "$k")")"
kernel_sim_rate="$(field "$k" reducer_steps_per_s)"
all_wall_rate="$(div "$(field "$ka" reducer_steps)" "$(wall "$ka")")"
all_cpu_rate="$(div "$(field "$ka" reducer_steps)" "$(cpu "$ka")")"
all_sim_rate="$(field "$ka" reducer_steps_per_s)"
kernel_warm_rate="$(field "$k" second_half_reducer_steps_per_s)"
all_warm_rate="$(field "$ka" second_half_reducer_steps_per_s)"

# ---- (b') kernelctl check itself, restricted as far as its options go (its own, broader histories: three apps, Jobs,
# Services of every type, 1-2 nodes of drawn sizes; the whole catalogue) ----
echo "compare: kernelctl check --max-nodes 2 --max-steps $depth --faults node,restart" >&2
timeout 900 "$root/kernelctl" --help >/dev/null 2>&1 || true   # builds kernelctl first when it is stale, untimed
c="$work/check"
timed "$c" "$root/kernelctl" check --seed 1 --histories "${CHECK_HISTORIES:-1000}" --max-nodes 2 --max-steps "$depth" --faults node,restart --output "$work/counterexample.yaml"
check_events="$(awk '$1 == "events" { print $2 }' "$c")"
check_verdict="$(tail -1 "$c")"
check_wall_rate="$(div "${check_events:-0}" "$(wall "$c")")"
check_cpu_rate="$(div "${check_events:-0}" "$(cpu "$c")")"

# ---- (c) the seeded bug: time to find a double-allocated NodePort, and the counterexample's length ----
: >"$work/q-hunt"; : >"$work/k-hunt"
for s in $(seed_list); do
  echo "compare: seeded bug, seed $s" >&2
  h="$work/quint-hunt-$s"
  timed "$h" "${quint[@]}" run "$here/kernel.qnt" --backend typescript --main seeded_bug --max-samples 100000 --max-steps "$depth" \
    --invariant NodePortsUnique --seed "$s" --verbosity 2 --hide pods
  if grep -q '^\[violation\]' "$h"; then
    # One line per seed: process wall, in-simulator ms, counterexample steps (the last state's number).
    echo "$(wall "$h") $(grep -o '^\[violation\] Found an issue ([0-9]*ms' "$h" | grep -o '[0-9]*ms' | tr -d ms) $(grep -o '^\[State [0-9]*\]' "$h" | grep -o '[0-9]*' | sort -n | tail -1)" >>"$work/q-hunt"
  else
    echo "compare: quint did not find the seeded bug with seed $s" >&2
  fi
  g="$work/kernel-hunt-$s"
  timed "$g" "${bench[@]}" quint-scope hunt --seeds "$s"
  if grep -q 'invariant=NodePortsUnique' "$g"; then
    echo "$(wall "$g") $(field "$g" seconds) $(field "$g" found_steps) $(field "$g" shrunk_steps) $(field "$g" found_reducer_steps) $(field "$g" shrunk_reducer_steps) $(field "$g" histories)" >>"$work/k-hunt"
  else
    echo "compare: the kernel did not find the seeded bug with seed $s:" >&2
    cat "$g" >&2
  fi
done
col() { awk -v c="$2" '{ print $c }' "$1" | median; }
qh_wall="$(col "$work/q-hunt" 1)"; qh_ms="$(col "$work/q-hunt" 2)"; qh_len="$(col "$work/q-hunt" 3)"
kh_wall="$(col "$work/k-hunt" 1)"; kh_s="$(col "$work/k-hunt" 2)"; kh_found="$(col "$work/k-hunt" 3)"
kh_shrunk="$(col "$work/k-hunt" 4)"; kh_found_events="$(col "$work/k-hunt" 5)"; kh_shrunk_events="$(col "$work/k-hunt" 6)"
kh_histories="$(col "$work/k-hunt" 7)"
qh_s="$(awk -v ms="$qh_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"

# ---- kernelctl explore: the standard scope (bounded at EXPLORE_STATES distinct states), and its hunt for the seeded bug ----
explore_states="${EXPLORE_STATES:-20000}"
echo "compare: kernelctl explore on the standard scope, up to $explore_states states" >&2
e="$work/explore"
timed "$e" "$root/kernelctl" explore --nodes 2 --deployments 1 --replicas 3 --services 1 --faults node,restart --depth "$depth" --max-states "$explore_states"
explore="$(sed -n '/^distinct states/,/^time/p' "$e")
(wall $(wall "$e") s, CPU $(cpu "$e") s)"
x="$work/explore-hunt"
timed "$x" "${bench[@]}" quint-scope explore-hunt
explore_hunt="$(grep '^// explore' "$x") (wall $(wall "$x") s, search $(field "$x" seconds) s)"

echo
echo "Quint $("${quint[@]}" --version) (\`quint run --backend typescript\`) against the kernel (\`bench -- quint-scope\`), $(nproc) shared cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
echo "Throughput: Quint $samples samples × $depth steps, invariant \`Invariants\` (the model's five); the kernel $seconds s of histories (the Deployment and $depth drawn steps, each run to quiescence, then the fault-free phase), $(field "$k" histories) histories, $(field "$k" history_steps) history steps, $(field "$k" reducer_steps) reducer steps with the model's five invariants ($(field "$ka" reducer_steps) with the whole catalogue). A Quint step is one action of the model; a kernel step is one reducer step (one event or work item through \`Kernel.Step\`)."
echo "Seeded bug: seeds $seeds, medians; Quint searches up to 100,000 samples and has no shrinker; the kernel's history steps are external steps, each run to quiescence, and it shrinks."
echo
echo "| measure | Quint | kernel, model's invariants | ratio | kernel, whole catalogue | ratio |"
echo "|---|---|---|---|---|---|"
echo "| steps/s, wall clock of the whole command | $quint_wall_rate | $kernel_wall_rate | $(ratio "$kernel_wall_rate" "$quint_wall_rate") | $all_wall_rate | $(ratio "$all_wall_rate" "$quint_wall_rate") |"
echo "| steps/s, CPU time of the whole command | $quint_cpu_rate | $kernel_cpu_rate | $(ratio "$kernel_cpu_rate" "$quint_cpu_rate") | $all_cpu_rate | $(ratio "$all_cpu_rate" "$quint_cpu_rate") |"
echo "| steps/s, simulation alone (Quint's own time; the kernel's timed loop) | $quint_sim_rate | $kernel_sim_rate | $(ratio "$kernel_sim_rate" "$quint_sim_rate") | $all_sim_rate | $(ratio "$all_sim_rate" "$quint_sim_rate") |"
echo "| steps/s, second half of the simulation (warm) | $quint_warm_rate | $kernel_warm_rate | $(ratio "$kernel_warm_rate" "$quint_warm_rate") | $all_warm_rate | $(ratio "$all_warm_rate" "$quint_warm_rate") |"
echo "| seeded bug: wall clock of the whole command, s (ratio: Quint ÷ kernel) | $qh_wall | $kh_wall | $(ratio "$qh_wall" "$kh_wall") | | |"
echo "| seeded bug: time to find it, simulation alone, s (ratio: Quint ÷ kernel) | $qh_s | $kh_s ($kh_histories histories) | $(ratio "$qh_s" "$kh_s") | | |"
echo "| seeded bug: counterexample length | $qh_len steps | $kh_shrunk history steps, $kh_shrunk_events reducer steps (found: $kh_found history steps, $kh_found_events reducer steps) | | | |"
echo
echo "\`kernelctl check --seed 1 --histories ${CHECK_HISTORIES:-1000} --max-nodes 2 --max-steps $depth --faults node,restart\` (its own histories, the whole catalogue, start-up included): $check_events events, $check_wall_rate events/s by the wall clock ($(ratio "$check_wall_rate" "$quint_wall_rate") Quint's), $check_cpu_rate by CPU time; $check_verdict"
echo
echo "Per seed (Quint: wall s, simulation ms, counterexample steps; kernel: wall s, detect s, found and shrunk history steps, found and shrunk reducer steps, histories):"
paste -d'|' <(sed 's/^/  quint  /' "$work/q-hunt") <(sed 's/^/  kernel /' "$work/k-hunt") | tr '|' '\t'
echo
echo "kernelctl explore (standard scope, --max-states $explore_states):"
echo "$explore"
echo
echo "kernelctl explore's search for the seeded bug (standard scope with 2 Services, no faults, breadth-first): $explore_hunt"
