import sys

from krm_desktop.cli import main

sys.exit(main())
