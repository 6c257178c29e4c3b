#!/bin/sh
# Installs despin's build and test dependencies from Debian 12's archive, or the packages named
# as arguments instead (scripts/fuzz.sh asks for clang this way).
# Does nothing (and needs no network) when everything is already installed.
set -eu
packages="g++ cmake make pkg-config python3 libicu-dev libre2-dev libboost-dev catch2
libbenchmark-dev libcli11-dev nlohmann-json3-dev parallel rsync"
[ $# -gt 0 ] && packages="$*"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
