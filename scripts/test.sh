#!/usr/bin/env bash
# Install everything a fresh Debian machine lacks and run the whole test
# suite on Qt's offscreen platform. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
bash scripts/setup-venv.sh test,server

export QT_QPA_PLATFORM=offscreen QT_API=pyside6 PYTEST_QT_API=pyside6
# Never touch a real keyring or open a prompt during tests.
export PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring
MPLCONFIGDIR="$(mktemp -d)"
export MPLCONFIGDIR

set +e
.venv/bin/python -X faulthandler -m pytest -p no:cacheprovider "$@"
status=$?
set -e
if [[ $status -eq 5 ]]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit $status
