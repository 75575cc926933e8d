# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How AWX / Automation Controller runs a job, re-enacted for tests: its credential injection
(``credential``) and its ansible-runner pipeline (``job``)."""
