from kitt.directory import search


def test_query_terms_drop_stop_words_and_punctuation():
    assert search.query_terms("Vem kan hjälpa med boende?") == ["boende"]


def test_query_terms_fold_case_including_swedish_letters():
    assert search.query_terms("ÖPPENVÅRD Ärende") == ["öppenvård", "ärende"]


def test_query_terms_stem_common_swedish_endings():
    assert search.query_terms("skulderna barnen bostäderna") == ["skuld", "barn", "bostäd"]
    # Matching is by substring, so a stem finds the other forms of the word.
    assert search.query_terms("boendet") == ["boend"]
    assert "boend" in search.document(["Boende", "boendestöd"])
    # Short words keep their ending: a stem must keep at least four letters.
    assert search.query_terms("jobben") == ["jobb"]
    assert search.query_terms("hyra") == ["hyra"]


def test_query_terms_keep_stop_words_when_nothing_else_is_left():
    assert search.query_terms("hjälp") == ["hjälp"]


def test_query_terms_keep_digits_and_drop_repeats():
    assert search.query_terms("SFI studieväg 3, sfi") == ["sfi", "studieväg", "3"]


def test_query_terms_of_empty_query():
    assert search.query_terms("  ") == []


def test_document_is_normalised():
    assert search.document(["Boende", "", "ÖPPEN  vård\n"]) == "boende öppen vård"
