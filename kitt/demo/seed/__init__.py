"""Demo data for `manage.py demo`: a believable Trelleborg-like collaboration.

The command runs ``STEPS`` in order inside one transaction. Each step is a function that takes
no arguments, is idempotent (natural keys, ``base.upsert``; running it twice changes nothing)
and returns a one-line summary for the command to print.

To add demo data, write a module here (e.g. ``seed/people.py`` with a ``seed()`` function) and
add ONE line to ``STEPS`` below, after the steps it depends on. Look up what earlier steps made
with ``organisations.organisation("af")``, ``organisations.unit("amf", "Jobbcentrum")`` or
``User.objects.get(username=...)`` (usernames in ``staff.STAFF``).
"""

from collections.abc import Callable

from . import cases, meetings, organisations, people, plans, services, staff

Step = Callable[[], str]

STEPS: list[tuple[str, Step]] = [
    ("organisationer", organisations.seed),  # the six parties and their units
    ("tjänstekatalog", services.seed),  # needs (life areas) and services, tagged with needs
    ("personal", staff.seed),  # coordinators, caseworkers, leaders, an administrator
    ("personer", people.seed),  # participants with their teams and consents (issue 3)
    ("ärenden", cases.seed),  # collaboration cases at every step, mappings, relation (issue 4)
    ("handlingsplaner", plans.seed),  # joint action plans, versions, signatures, referrals
    ("nätverksmöten", meetings.seed),  # meetings with minutes and action items; coach's week
    # Add new steps here, one line each, in dependency order, e.g.:
    # ("personer", people.seed),
    # ("ärenden", cases.seed),
]
