"""Showing a refused stale edit: the saved version and the user's version side by side."""

from django import forms
from django.db import models


def stale_context(form: forms.ModelForm, current: models.Model) -> dict:
    """Context for ``core/_stale_version.html``: (label, value) pairs for both versions."""
    current_pairs, mine_pairs = [], []
    for name, field in form.fields.items():
        if name == "version":
            continue
        label = str(field.label or name)
        saved = getattr(current, name, "")
        display = getattr(current, f"get_{name}_display", None)
        current_pairs.append((label, display() if callable(display) else saved))
        mine = form.data.get(form.add_prefix(name), "")
        queryset = getattr(field, "queryset", None)
        if queryset is not None and mine:
            # A chosen object is shown by its name, not its id.
            chosen = queryset.filter(pk=mine).first() if str(mine).isdigit() else None
            mine = field.label_from_instance(chosen) if chosen is not None else mine
        elif isinstance(field, forms.ChoiceField):
            mine = dict(field.choices).get(mine, mine)
        mine_pairs.append((label, mine))
    return {"current_version": current.version, "current": current_pairs, "mine": mine_pairs}
