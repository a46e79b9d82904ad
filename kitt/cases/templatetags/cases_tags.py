"""Template helpers for case pages."""

from django import template

from kitt.cases.terms import term_for

register = template.Library()


@register.filter
def person_term(user, form: str = "word") -> str:
    """``{{ user|person_term }}`` -> "kund"; ``:"definite"`` -> "kunden"; ``:"genitive"`` ->
    "kundens" (the word of ``user``'s organisation)."""
    return getattr(term_for(user), form, "")


@register.filter
def rating_class(value) -> str:
    """A CSS class for a 1–10 rating bar (no inline styles under the CSP)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "rating-bar--none"
    return f"rating-bar--{max(1, min(10, number))}"


@register.filter
def signed(value) -> str:
    """A change with its sign: +2, −1, ±0; empty when unknown."""
    if value is None or value == "":
        return ""
    number = int(value)
    if number > 0:
        return f"+{number}"
    if number < 0:
        return f"\u2212{abs(number)}"
    return "\u00b10"


@register.filter
def language_name(code: str) -> str:
    """The name of a person's preferred language ("so" -> "Soomaali (somaliska)")."""
    from kitt.people.languages import PERSON_LANGUAGES

    return dict(PERSON_LANGUAGES).get(code, code)
