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
.venv/bin/python -m pytest -p no:cacheprovider "$@"
status=$?
if [[ $status -gt 128 ]]; then
  # TODO: a rare segmentation fault in Qt event processing during UI tests
  # is not found yet; a crash (not a test failure) gets one full rerun.
  echo "warning: pytest was killed by signal $((status - 128)); running the suite once more" >&2
  .venv/bin/python -m pytest -p no:cacheprovider "$@"
  status=$?
fi
set -e
if [[ $status -eq 5 ]]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit $status
