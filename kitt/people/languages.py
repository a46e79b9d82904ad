"""Languages a person may prefer: Swedish, English and those of many newly arrived people."""

PERSON_LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية (arabiska)"),
    ("ti", "ትግርኛ (tigrinja)"),
    ("prs", "دری (dari)"),
    ("fa", "فارسی (persiska)"),
    ("so", "Soomaali (somaliska)"),
    ("uk", "Українська (ukrainska)"),
]
RTL_LANGUAGES = {"ar", "prs", "fa"}
