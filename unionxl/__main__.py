import sys

from unionxl.cli import main

sys.exit(main())
