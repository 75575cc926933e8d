# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Entry point: ``python tests/emulator --port 0 --port-file FILE [...]``."""

import os
import sys

if not __package__:
    # Run as a directory: import the package from its parent instead of as loose modules.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    from emulator.server import main  # pylint: disable=import-error
else:
    from .server import main

sys.exit(main())
