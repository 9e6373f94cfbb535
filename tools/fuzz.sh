#!/usr/bin/env bash
# Fuzzes every reader (the @FuzzTest classes, docs/fuzzing.md) in Jazzer's fuzzing mode, each in its own
# JVM, for SECONDS each (default 30, as CI runs it); TEST narrows it to some classes (a surefire -Dtest
# pattern, e.g. EventsFileFuzzTest). Exits non-zero when an input makes a reader fail other than with an
# input error; the input is then in steps-java/<module>/target/fuzz/crash-*, to be added to the test's
# seed folder (src/test/resources/<package>/<Class>Inputs/read) once the reader is fixed.
#
# Usage: tools/fuzz.sh [SECONDS] [TEST]
#
# Everything fuzzing writes stays under target/fuzz of each module: the corpus Jazzer grows
# (.cifuzz-corpus, kept between runs so longer runs build on shorter ones), crash files and the log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
tests="${2:-*FuzzTest}"

# the modules holding fuzz tests, found rather than listed, so that a moved test needs no edit here
modules=$(grep -rl --include='*FuzzTest.java' '@FuzzTest' steps-java/*/src/test/java \
    | cut -d/ -f1-2 | sort -u | paste -sd, -)
[ -n "$modules" ] || { echo "no fuzz tests found" >&2; exit 1; }

# Coverage is measured in our readers and the libraries they parse with, not in JUnit, Maven or the JDK:
# instrumenting every class would cost half a minute per test JVM.
instrument='org.infera.**,io.jhdf.**,com.fasterxml.jackson.**'

# the whole log, for the stack trace of a finding: target/ is ignored by git
mkdir -p target
log=target/fuzz.log
status=0
# One Maven run for all modules; reuseForks=false gives each fuzz test class its own JVM, as fuzzing mode
# needs (one fuzz test per JVM). JUnit's timeout is switched off because it would bound the whole fuzzing
# run; Jazzer turns each test's @Timeout into libFuzzer's per-input timeout instead. The small heap makes
# an allocation sized by a corrupt header fail here as OutOfMemoryError, a finding, as it would for a user.
# Each module's target/fuzz (relative to the test JVM's working folder, the module) is Jazzer's base
# folder: its corpus, crash files and reproducers go there, never into the source tree.
JAZZER_FUZZ=1 mvn -B test -pl "$modules" -am \
    -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -DforkCount=1 -DreuseForks=false \
    -DtrimStackTrace=false -DargLine=-Xmx1g \
    -Djazzer.max_duration="${seconds}s" -Djazzer.hooks=true -Djazzer.instrument="$instrument" \
    -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djazzer.internal.basedir=target/fuzz -Djazzer.reproducer_path=target/fuzz \
    >"$log" 2>&1 || status=$?

# Per fuzz test: executions per second and corpus size from libFuzzer's last status line, and the outcome.
# A timeout ends the test's JVM (libFuzzer exits), so that test has no "Tests run" line of its own.
echo "fuzz test                              execs/s   corpus (inputs/bytes)   outcome"
awk '
  function report() {
    if (name != "" && !done) printf "%-38s %7s   %-21s   %s\n", name, rate, corpus, outcome
    done = 1
  }
  /Running org\.infera\..*FuzzTest/ {
    report(); name = $NF; sub(/.*\./, "", name); rate = "-"; corpus = "-"; outcome = "JVM ended early"; done = 0
  }
  /^#[0-9]+[ \t]/ && /exec\/s:/ {
    for (i = 1; i <= NF; i++) { if ($i == "exec/s:") rate = $(i + 1); if ($i == "corp:") corpus = $(i + 1) }
  }
  /SUMMARY: libFuzzer: timeout/ { outcome = "FINDING: timeout" }
  /Tests run: .* in org\.infera\..*FuzzTest/ {
    if (outcome !~ /timeout/) outcome = ($0 ~ /Failures: 0, Errors: 0/) ? "no finding" : "FINDING"
    report()
  }
  END { report() }' "$log"
if [ "$status" -ne 0 ]; then
  grep -E 'FuzzTestFinding|Exception:|^Caused by|Test unit written|libFuzzer: timeout' "$log" \
      | head -40 >&2 || true
  ls steps-java/*/target/fuzz/crash-* steps-java/*/target/fuzz/timeout-* 2>/dev/null >&2 || true
  echo "fuzzing found a problem (or failed to run): the full log is target/fuzz.log" >&2
fi
exit "$status"
