#!/usr/bin/env bash
# Install CSM Desktop in .venv and start it on the bundled demo portfolio.
# Extra arguments go to csm-desktop (for example --db PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh --display
bash scripts/setup-venv.sh
exec .venv/bin/csm-desktop --demo "$@"
