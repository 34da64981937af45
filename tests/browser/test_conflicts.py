"""Two editors answer the same remark at once: the second keeps what was typed."""

from tests.browser.signing_in import sign_in


def test_the_second_of_two_answers_keeps_its_text_beside_the_saved_one(
    browser, live_server, transactional_db
):
    from core.tests.factories import EditorFactory, MunicipalityFactory
    from hearings.tests.factories import HearingFactory, RemarkFactory, ResponseFactory

    aalborg = MunicipalityFactory(name="Aalborg", slug="aalborg")
    first_editor = EditorFactory(municipality=aalborg)
    second_editor = EditorFactory(municipality=aalborg)
    hearing = HearingFactory(policy__municipality=aalborg, state="closed")
    response = ResponseFactory(hearing=hearing)
    remark = RemarkFactory(response=response)
    url = response.get_staff_url()
    prefix = f"#id_r{remark.pk}-"

    with_js = browser.new_context()
    without_js = browser.new_context(java_script_enabled=False)
    try:
        first, second = with_js.new_page(), without_js.new_page()
        sign_in(first, live_server, first_editor.username, next_url=url)
        sign_in(second, live_server, second_editor.username, next_url=url)
        # Both pages are open on the unanswered remark; both editors write an answer.
        for page, answer in ((first, "Det første svar."), (second, "Mit andet svar.")):
            page.select_option(prefix + "outcome", "noted")
            page.fill(prefix + "answer", answer)
        first.click(f"#handle-{remark.pk} button[type=submit]")  # htmx swaps the form
        first.wait_for_selector(f"#handle-{remark.pk} .alert-success")

        second.click(f"#handle-{remark.pk} button[type=submit]")  # a plain post
        second.wait_for_selector(".ps-conflict")

        assert second.input_value(prefix + "answer") == "Mit andet svar."
        saved = second.locator(".ps-conflict [data-conflict=saved]").all_inner_texts()
        assert "Det første svar." in saved
        assert "En anden har gemt denne post" in second.content()
        remark.refresh_from_db()
        assert remark.answer == "Det første svar."

        # Saving again is a deliberate overwrite, and it is saved.
        second.click(f"#handle-{remark.pk} button[type=submit]")
        second.wait_for_selector(".alert-success")
        remark.refresh_from_db()
        assert remark.answer == "Mit andet svar."
    finally:
        with_js.close()
        without_js.close()
