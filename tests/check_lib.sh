# Sourced by the shell tests: a scratch directory removed on exit, and check NAME CONDITION...
# which counts passes and failures; finish prints "N passed, M failed" and sets the exit status.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {
  local name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name" >&2; failures=$((failures + 1)); fi
}
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
