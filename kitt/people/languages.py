"""Languages a person may prefer: Swedish, English and those of many newly arrived people."""

PERSON_LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    # Swedish name first, the language's own name after: a left-to-right label stays readable
    # when the right-to-left name is wrapped in a narrow column.
    ("ar", "Arabiska – العربية"),
    ("ti", "Tigrinja – ትግርኛ"),
    ("prs", "Dari – دری"),
    ("fa", "Persiska – فارسی"),
    ("so", "Somaliska – Soomaali"),
    ("uk", "Ukrainska – Українська"),
]
RTL_LANGUAGES = {"ar", "prs", "fa"}
