from core.sanitize import clean_html, html_to_text
from core.templatetags.politikspor import rich


def test_scripts_handlers_and_dangerous_links_are_removed():
    dirty = (
        '<p onclick="steal()">Tekst <script>alert(1)</script>'
        '<a href="javascript:alert(1)">klik</a> <a href="file:///etc/passwd">fil</a>'
        '<img src="http://evil.example/x.png"></p>'
    )
    clean = clean_html(dirty)
    assert "script" not in clean
    assert "onclick" not in clean
    assert "javascript:" not in clean
    assert "file:" not in clean
    assert "<img" not in clean
    assert "Tekst" in clean


def test_allowed_structure_survives_and_links_get_safe_rel():
    clean = clean_html('<h2>Mål</h2><ul><li><a href="https://aalborg.dk">link</a></li></ul>')
    assert "<h2>Mål</h2>" in clean
    assert 'rel="noopener noreferrer"' in clean


def test_output_filter_cleans_again_whatever_is_stored():
    html = rich("<script>x</script><p>ok</p>")
    assert "<script>" not in html
    assert "<p>ok</p>" in html


def test_plain_text_of_rich_text():
    assert html_to_text("<p>Forskellighed er en <strong>styrke</strong></p>") == (
        "Forskellighed er en styrke"
    )
