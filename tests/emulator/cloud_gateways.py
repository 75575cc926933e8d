# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cloud Gateways v2: dedicated cloud gateways (networks, configurations, custom domains, transit gateways, private DNS, add-ons) (global).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).
"""

FACTS = {}
SINGLETON_DEFAULTS = {}
SPECIALS = {}
