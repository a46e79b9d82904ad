"""Which status may follow which: the one place for interventions and referrals.

Referral statuses follow FHIR Task (requested → accepted | rejected → in-progress ↔ on-hold →
completed | cancelled | failed). Each allowed step names the side that may take it:

* ``RECEIVER``: staff of the receiving organisation (on the person's team, with consent);
* ``REQUESTER``: the person's coordinator, who sent the referral.
"""

from .models import InterventionStatus as I
from .models import ReferralStatus as R

RECEIVER = "receiver"
REQUESTER = "requester"

REFERRAL_TRANSITIONS: dict[str, dict[str, str]] = {
    R.REQUESTED: {R.ACCEPTED: RECEIVER, R.REJECTED: RECEIVER, R.CANCELLED: REQUESTER},
    R.ACCEPTED: {
        R.IN_PROGRESS: RECEIVER,
        R.ON_HOLD: RECEIVER,
        R.FAILED: RECEIVER,
        R.CANCELLED: REQUESTER,
    },
    R.IN_PROGRESS: {
        R.ON_HOLD: RECEIVER,
        R.COMPLETED: RECEIVER,
        R.FAILED: RECEIVER,
        R.CANCELLED: REQUESTER,
    },
    R.ON_HOLD: {
        R.IN_PROGRESS: RECEIVER,
        R.COMPLETED: RECEIVER,
        R.FAILED: RECEIVER,
        R.CANCELLED: REQUESTER,
    },
    R.REJECTED: {},
    R.COMPLETED: {},
    R.CANCELLED: {},
    R.FAILED: {},
}

#: Closing a referral without doing it needs a reason code.
REFERRAL_NEEDS_REASON = frozenset({R.REJECTED, R.CANCELLED, R.FAILED})
#: Completing (or failing) a referral needs an outcome text: what came of it.
REFERRAL_NEEDS_OUTCOME = frozenset({R.COMPLETED, R.FAILED})
#: Statuses in which the loop is closed.
REFERRAL_CLOSED = frozenset(s for s, nxt in REFERRAL_TRANSITIONS.items() if not nxt)
#: Statuses waiting for the receiver's first answer.
REFERRAL_AWAITING_ANSWER = frozenset({R.REQUESTED})

#: The plan shows a referred intervention with the status that its referral implies.
REFERRAL_TO_INTERVENTION: dict[str, str] = {
    R.REQUESTED: I.PLANNED,
    R.ACCEPTED: I.PLANNED,
    R.REJECTED: I.CANCELLED,
    R.IN_PROGRESS: I.ONGOING,
    R.ON_HOLD: I.PAUSED,
    R.COMPLETED: I.COMPLETED,
    R.CANCELLED: I.CANCELLED,
    R.FAILED: I.CANCELLED,
}

INTERVENTION_TRANSITIONS: dict[str, frozenset[str]] = {
    I.PLANNED: frozenset({I.ONGOING, I.CANCELLED}),
    I.ONGOING: frozenset({I.PAUSED, I.COMPLETED, I.CANCELLED}),
    I.PAUSED: frozenset({I.ONGOING, I.COMPLETED, I.CANCELLED}),
    I.COMPLETED: frozenset(),
    I.CANCELLED: frozenset(),
}
INTERVENTION_CLOSED = frozenset(s for s, nxt in INTERVENTION_TRANSITIONS.items() if not nxt)


def referral_next(status: str, side: str | None = None) -> list[str]:
    """The statuses a referral in ``status`` may move to (for ``side``, or for anyone)."""
    steps = REFERRAL_TRANSITIONS.get(status, {})
    return [s for s, who in steps.items() if side is None or who == side]


def referral_step_side(from_status: str, to_status: str) -> str | None:
    """Which side may move a referral from ``from_status`` to ``to_status`` (None: not allowed)."""
    return REFERRAL_TRANSITIONS.get(from_status, {}).get(to_status)


def intervention_may_move(from_status: str, to_status: str) -> bool:
    """True if an intervention may go from one status to the other (staying put is allowed)."""
    return from_status == to_status or to_status in INTERVENTION_TRANSITIONS.get(from_status, ())
