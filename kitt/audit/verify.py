"""Walking the hash chain to find the first entry that was changed, removed or inserted."""

from dataclasses import dataclass

from .chain import entry_hash
from .models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    entry_id: int | None
    kind: str  # "changed", "removed", "inserted"
    detail: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problem: ChainProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(chunk_size: int = 5000) -> ChainReport:
    """Check every entry's hash, every link and the recorded head; stop at the first problem."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=chunk_size):
        checked += 1
        if entry.seq < expected_seq:
            return ChainReport(checked, ChainProblem(entry.seq, entry.pk, "inserted", "duplicate"))
        if entry.seq > expected_seq:
            detail = f"entries {expected_seq}–{entry.seq - 1} are missing before this one"
            return ChainReport(checked, ChainProblem(expected_seq, None, "removed", detail))
        if entry.prev_hash != prev_hash:
            detail = "does not link to the entry before it"
            return ChainReport(checked, ChainProblem(entry.seq, entry.pk, "inserted", detail))
        if entry_hash(entry) != entry.hash:
            detail = "its content no longer matches its hash"
            return ChainReport(checked, ChainProblem(entry.seq, entry.pk, "changed", detail))
        prev_hash = entry.hash
        expected_seq += 1

    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = head.last_seq if head else 0
    last_hash = head.last_hash if head else GENESIS_HASH
    if last_seq > expected_seq - 1:
        detail = f"the chain head says entry {last_seq} exists, but the log ends before it"
        return ChainReport(checked, ChainProblem(expected_seq, None, "removed", detail))
    if last_seq < expected_seq - 1 or last_hash != prev_hash:
        detail = "entries follow the recorded head of the chain"
        return ChainReport(checked, ChainProblem(last_seq + 1, None, "inserted", detail))
    return ChainReport(checked, None)
