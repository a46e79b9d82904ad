"""Each organisation's own word for the person (kund, sökande, elev …), in the forms a page needs.

Terminology is data on the organisation (``Organisation.person_term``); here it is only inflected:
the Swedish definite form ("kunden", "eleven", "sökanden", "deltagaren") and its genitive
("kundens", "sökandens"), so a page can say "Om kunden" or "Sökandens kartläggning".
"""

from dataclasses import dataclass

from django.utils.translation import get_language

DEFAULT_TERM = "deltagare"

#: The English words for the terms Swedish agencies use, for pages shown in English.
ENGLISH = {
    "deltagare": "participant",
    "kund": "customer",
    "sökande": "applicant",
    "elev": "student",
    "klient": "client",
    "patient": "patient",
    "försäkrad": "insured person",
    "inskriven": "registered person",
    "barn": "child",
}

#: Words the simple rule below gets wrong: (definite, genitive). Participles used as nouns
#: take "den": "den försäkrade", "den försäkrades".
_IRREGULAR = {
    "barn": ("barnet", "barnets"),
    "försäkrad": ("den försäkrade", "den försäkrades"),
    "inskriven": ("den inskrivne", "den inskrivnes"),
}


@dataclass(frozen=True)
class PersonTerm:
    word: str  # kund
    definite: str  # kunden
    genitive: str  # kundens

    def __str__(self) -> str:
        return self.word


def definite_form(word: str) -> str:
    """'kund' -> 'kunden', 'deltagare' -> 'deltagaren', 'sökande' -> 'sökanden'."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower][0]
    if lower.endswith("e"):
        return word + "n"
    return word + "en"


def _english(word: str) -> PersonTerm:
    english = ENGLISH.get(word.lower(), ENGLISH[DEFAULT_TERM])
    return PersonTerm(word=english, definite=f"the {english}", genitive=f"the {english}'s")


def term_for_word(word: str) -> PersonTerm:
    """The word in the forms a page needs, in the active language (Swedish or English)."""
    word = (word or DEFAULT_TERM).strip() or DEFAULT_TERM
    if (get_language() or "sv").startswith("en"):
        return _english(word)
    definite = definite_form(word)
    if word.lower() in _IRREGULAR:
        genitive = _IRREGULAR[word.lower()][1]
    else:
        genitive = definite if definite.endswith("s") else definite + "s"
    return PersonTerm(word=word, definite=definite, genitive=genitive)


def term_for(user) -> PersonTerm:
    """The word ``user``'s organisation uses for the person."""
    organisation = getattr(user, "organisation", None)
    return term_for_word(getattr(organisation, "person_term", "") or DEFAULT_TERM)
