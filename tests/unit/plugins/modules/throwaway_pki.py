# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The throw-away test PKI of the integration targets (setup_emulator/files/pki.py), made once per test run.

    pki()['cert_a'], pki()['key_a'], pki()['public_a'], pki()['ca_cert'], pki()['ca_digest'], ...
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import json
import os

PKI_SCRIPT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', 'integration', 'targets', 'setup_emulator', 'files',
                                          'pki.py'))


@functools.lru_cache(maxsize=None)
def pki():
    spec = importlib.util.spec_from_file_location('konnect_it_pki', PKI_SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        script.main()
    return json.loads(printed.getvalue())
