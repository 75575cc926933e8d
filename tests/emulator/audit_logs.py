# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Audit Logs v3: where the organization's audit logs go (destinations, the webhook, replay jobs) (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).
"""

FACTS = {}
SINGLETON_DEFAULTS = {}
SPECIALS = {}
