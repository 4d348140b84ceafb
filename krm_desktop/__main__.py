import sys

from krm_desktop.cli.main import main

sys.exit(main())
