# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-after-write lag, off unless a fault knob turns it on (see the README, "Fault injection").

Konnect's reads lag its writes (konnect-behaviours.md 4, H: a 404 on an API document just created, TF#416;
Event Gateway children created just after their parent, kongctl#1607; kongctl retries lookups "for eventual
consistency"; a developer approval takes seconds to become visible, kongctl's devworkflow harness polls).

- ``visibility_delay_ms``: for that long after its create, an entity is invisible to reads: a GET of it, or of
  anything below it, answers 404, and lists leave it out (``meta.page.total`` counts what they show). Writes see
  it at once (a second create of its name is refused).
- ``approval_delay_ms``: for that long after a PATCH changes the ``status`` of a portal developer or an
  application registration, reads still show the status it had before.
"""

import re
import time

from .errors import not_found

LAG_KEYS = ('visibility_delay_ms', 'approval_delay_ms')
STATUS_PATH = re.compile(r'/(developers|registrations)/[^/]+$')


class Lag:
    """What was created or approved when, and how reads are held back."""

    def __init__(self):
        self.created = {}  # id -> time of its create
        self.statuses = {}  # id -> (status shown until, that time)

    def reset(self):
        self.created = {}
        self.statuses = {}

    def status_before(self, faults, request, read):
        """Before a PATCH that may change a status: the status ``read()`` shows now (None when the knob is off)."""
        if not faults.get('approval_delay_ms') or request.method != 'PATCH' or not STATUS_PATH.search(request.path):
            return None
        response = read()
        return response.body.get('status') if response.status == 200 and isinstance(response.body, dict) else None

    def after_write(self, faults, request, response, old_status):
        """Note a create (its id, from the answer) and a status change."""
        if response is None or not isinstance(getattr(response, 'body', None), dict):
            return
        now = time.time()
        if faults.get('visibility_delay_ms') and request.method in ('POST', 'PUT') and response.status == 201 and response.body.get('id'):
            self.created[str(response.body['id']).lower()] = now
        new_status = response.body.get('status')
        if old_status is not None and response.status == 200 and new_status != old_status:
            self.statuses[str(response.body.get('id')).lower()] = (old_status, now)

    def held_back(self, faults, request, route, response):
        """The answer a read gets while what it asks for is not visible yet: ``response`` itself, or changed."""
        if request.method != 'GET' or response is None or not hasattr(response, 'body'):
            return response
        invisible = self.invisible(faults)
        if invisible and any(segment.lower() in invisible for segment in request.path.split('/')):
            return not_found().render(route.error_style if route is not None else 'platform')
        if response.status != 200:
            return response
        stale = self.stale_statuses(faults)
        if invisible or stale:
            response.body = hold_back_body(response.body, invisible, stale)
        return response

    def invisible(self, faults):
        delay = (faults.get('visibility_delay_ms') or 0) / 1000.0
        now = time.time()
        return set(identifier for identifier, moment in self.created.items() if now - moment < delay)

    def stale_statuses(self, faults):
        delay = (faults.get('approval_delay_ms') or 0) / 1000.0
        now = time.time()
        return dict((identifier, status) for identifier, (status, moment) in self.statuses.items() if now - moment < delay)


def hold_back_body(body, invisible, stale):
    """A read's body without the invisible items, and with the statuses not shown yet."""
    if isinstance(body, list):
        return [shown(item, stale) for item in body if not is_invisible(item, invisible)]
    if not isinstance(body, dict):
        return body
    for name in ('data', 'items'):
        if isinstance(body.get(name), list):
            kept = [shown(item, stale) for item in body[name] if not is_invisible(item, invisible)]
            page = (body.get('meta') or {}).get('page')
            if isinstance(page, dict) and isinstance(page.get('total'), int):
                page['total'] -= len(body[name]) - len(kept)
            body[name] = kept
            return body
    return shown(body, stale)


def is_invisible(item, invisible):
    return isinstance(item, dict) and str(item.get('id')).lower() in invisible


def shown(item, stale):
    if isinstance(item, dict) and str(item.get('id')).lower() in stale:
        return dict(item, status=stale[str(item['id']).lower()])
    return item


def validate_lag(faults, FaultError, is_number):
    validated = {}
    for name in LAG_KEYS:
        if name in faults:
            if not is_number(faults[name]) or faults[name] < 0:
                raise FaultError('%s must be a non-negative number' % name)
            validated[name] = faults[name]
    return validated
