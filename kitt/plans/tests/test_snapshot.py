from kitt.plans.snapshot import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    agreement_changed,
    describe_changes,
    diff_snapshots,
)

GOAL = {"id": 1, "kind": "long", "text": "Eget boende", "own_words": True, "status": "active"}
SFI = {"id": 7, "title": "SFI studieväg 2", "organisation": "SFI", "status": "planned"}
PRAKTIK = {"id": 8, "title": "Arbetspraktik", "organisation": "AF", "status": "planned"}


def test_items_are_matched_by_id():
    old = {"goals": [GOAL], "interventions": [SFI, PRAKTIK]}
    new = {
        "goals": [{**GOAL, "id": 2, "text": "Ett jobb"}],
        "interventions": [{**SFI, "status": "ongoing", "actual_start": "2026-03-02"}, PRAKTIK],
    }
    diff = diff_snapshots(old, new)
    assert [d.state for d in diff["goals"]] == [ADDED, REMOVED]
    assert [d.state for d in diff["interventions"]] == [CHANGED, SAME]
    changed = diff["interventions"][0]
    assert {f.name for f in changed.fields if f.changed} == {"status", "actual_start"}
    assert diff["counts"] == {ADDED: 1, REMOVED: 1, CHANGED: 1}


def test_summary_says_what_changed():
    old = {"goals": [], "interventions": [SFI]}
    new = {"goals": [GOAL], "interventions": [{**SFI, "status": "ongoing"}, PRAKTIK]}
    text = describe_changes(old, new)
    assert text.startswith("1 mål tillagt")
    assert "SFI studieväg 2: pågår" in text
    assert "insats tillagd: Arbetspraktik" in text
    assert describe_changes(new, new) == "Ingen ändring"


def test_progress_alone_does_not_change_the_agreement():
    old = {"goals": [GOAL], "interventions": [SFI]}
    progress = {
        "goals": [{**GOAL, "status": "achieved"}],
        "interventions": [{**SFI, "status": "completed", "actual_end": "2026-06-01"}],
    }
    assert not agreement_changed(old, progress)
    assert agreement_changed(old, {**progress, "interventions": [{**SFI, "title": "SFI 3"}]})
    assert agreement_changed(old, {**old, "interventions": [SFI, PRAKTIK]})
