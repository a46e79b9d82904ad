"""The coordinator's view of the audit trail about a person (the person sees the same words)."""

from django.shortcuts import render

from kitt.access.categories import Category
from kitt.access.decorators import person_view

from . import selectors


@person_view(Category.AUDIT, purpose="Granskning av vem som sett personens uppgifter")
def person_trail(request, person_id):
    before = request.GET.get("fore")
    before_seq = int(before) if before and before.isdigit() else None
    lines = selectors.trail_for_person(request.person, before_seq=before_seq)
    return render(request, "audit/person_trail.html", {"person": request.person, "lines": lines})
