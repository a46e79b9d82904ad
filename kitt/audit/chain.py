"""Canonical content and hashing of audit entries."""

import hashlib
import json
from datetime import UTC

HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_name",
    "actor_role",
    "actor_protected",
    "organisation_id",
    "organisation_name",
    "unit_name",
    "show_actor_name",
    "action",
    "outcome",
    "person_id",
    "category",
    "object_type",
    "object_id",
    "purpose",
    "reason",
    "request_id",
    "prev_hash",
)


def canonical_content(entry) -> bytes:
    """The bytes an entry's hash is computed over: sorted-key JSON of the hashed fields."""
    data = {}
    for name in HASHED_FIELDS:
        value = getattr(entry, name)
        if name == "occurred_at":
            value = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        data[name] = value
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(entry) -> str:
    return hashlib.sha256(canonical_content(entry)).hexdigest()
