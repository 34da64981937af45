"""Every public page of the demo passes axe-core (WCAG 2.1 A and AA), breaks no CSP rule,
and can be read without JavaScript."""

from axe_playwright_python.sync_playwright import Axe

from demo.lookups import public_urls as demo_urls

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def public_urls():
    urls = ["/", "/aalborg/", "/norddjurs/", "/konto/log-ind/", *demo_urls()]
    return list(dict.fromkeys(urls))


def test_every_public_page_passes_axe_and_the_csp(browser, live_server, demo):
    axe = Axe()
    problems = {}
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    urls = public_urls()
    assert len(urls) > 4, "the demo apps should contribute their public pages"
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, f"{url} answered {response.status}"
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if result.violations_count:
            problems[url] = result.generate_report()
        if csp_errors:
            problems[url + " (CSP)"] = "\n".join(csp_errors)
            csp_errors.clear()
    context.close()
    assert not problems, "\n\n".join(f"{url}:\n{report}" for url, report in problems.items())


def test_public_pages_can_be_read_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url in public_urls():
        page.goto(live_server.url + url)
        heading = page.locator("main h1")
        assert heading.count() == 1, f"{url} needs exactly one h1"
        assert heading.first.is_visible(), f"{url}: the heading is hidden without JavaScript"
    context.close()


def test_pages_print_without_navigation_chrome(browser, live_server, demo):
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(live_server.url + "/aalborg/")
    assert page.locator("main h1").is_visible()
    assert not page.locator(".skipnav").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    context.close()
