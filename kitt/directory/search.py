"""Text handling for the directory search: one normal form for the index and for queries.

Pure functions, no database: the index text of a service (``Service.search_text``) and the words
of a query are both normalised here, so that ``search_text__contains`` matches case-insensitively
on every database (SQLite's own LIKE folds only ASCII, not å, ä, ö).
"""

import re
import unicodedata
from collections.abc import Iterable

# Words that carry no meaning in a question like "vem kan hjälpa till med boende?".
_STOPWORDS_TEXT = """
    och i att det som en ett på är av för med till den de om har inte men så kan vi jag
    man när eller nu sin sitt sina där vid mot ska skall bara vem vad hur var vilken vilka
    vilket någon något några finns behöver behov hjälp hjälpa hjälper till få får min mitt
    mina hen han hon personen
    the a an and or of for with who what can help to in on is
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Inflectional endings removed before matching, longest first ("skulderna" -> "skuld",
# "boendet" -> "boende", "barnen" -> "barn"). Matching is by substring, so a stem also
# finds its longer forms.
_SUFFIXES = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "en", "et", "ar", "er", "or")
_MIN_STEM = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case (Unicode case folding), composed characters, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def document(parts: Iterable[str]) -> str:
    """The index text for a service from its searchable parts."""
    return normalise(" ".join(p for p in parts if p))


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def query_terms(query: str) -> list[str]:
    """The words of a free-text query to match, normalised, without stop words, stemmed.

    If every word is a stop word the words are kept, so that a search for "hjälp" still
    searches for something.
    """
    words = [w for w in _WORD.findall(normalise(query)) if len(w) > 1 or w.isdigit()]
    meaningful = [w for w in words if w not in STOPWORDS] or words
    terms: list[str] = []
    for word in meaningful:
        term = stem(word)
        if term not in terms:
            terms.append(term)
    return terms
