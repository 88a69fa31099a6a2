"""Allow ``python -m csm_desktop``."""

import sys

from csm_desktop.cli import main

sys.exit(main())
