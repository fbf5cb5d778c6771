"""``python -m contentgroove.cli``."""

from . import main

raise SystemExit(main())
