import sys

from csm_server.cli import main

sys.exit(main())
