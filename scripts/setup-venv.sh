#!/usr/bin/env bash
# Create .venv (Python 3.11 or newer) and install the app with the given
# extras, pinned by constraints.txt. Usage: scripts/setup-venv.sh [EXTRAS]
set -euo pipefail
cd "$(dirname "$0")/.."

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 \
     && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [[ -z "$python" ]]; then
  echo "CSM Desktop needs Python 3.11 or newer; install it and run this again." >&2
  exit 1
fi

[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
spec="."
[[ -n "${1:-}" ]] && spec=".[$1]"
.venv/bin/python -m pip install -q -c constraints.txt -e "$spec"
