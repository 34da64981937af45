from core.text import danish_slugify


def test_danish_letters_are_transliterated_not_dropped():
    assert danish_slugify("Børne- og Ungdomsudvalget") == "boerne-og-ungdomsudvalget"
    assert danish_slugify("Integrationsrådet") == "integrationsraadet"
    assert danish_slugify("Ældre") == "aeldre"
