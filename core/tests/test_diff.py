from core.diff import rich_diff, word_diff


def test_word_diff_marks_added_and_removed_words_with_text_not_colour_only():
    html = word_diff("Godkendt uden bemærkninger", "Godkendt med bemærkninger")
    assert '<del class="diff-del"><span class="sr-only">Slettet: </span>uden</del>' in html
    assert '<ins class="diff-ins"><span class="sr-only">Tilføjet: </span>med</ins>' in html
    assert html.startswith("Godkendt ")


def test_word_diff_escapes_markup_from_either_side():
    html = word_diff("a", "<script>alert(1)</script>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_rich_diff_compares_text_not_tags():
    html = rich_diff("<p>Samme tekst</p>", "<p><strong>Samme</strong> tekst</p>")
    assert "diff-" not in html
    assert html == "Samme tekst"
