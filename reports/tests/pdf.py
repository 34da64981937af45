"""Reading PDFs back in tests."""

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader


def reader(content):
    return PdfReader(io.BytesIO(content))


def text(content):
    return "\n".join(page.extract_text() for page in reader(content).pages)


def embedded_font_names(content):
    """The family names read from the font programs embedded in the PDF (not the PDF's own
    labels for them), so a substituted system font cannot pass as IBM Plex."""
    names = set()
    pdf = reader(content)
    for page in pdf.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor_owner = descendants[0].get_object() if descendants else font
            descriptor = descriptor_owner.get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            for key in ("/FontFile2", "/FontFile3", "/FontFile"):
                if key in descriptor:
                    data = descriptor[key].get_object().get_data()
                    try:
                        font_program = TTFont(io.BytesIO(data))
                        names.add(font_program["name"].getDebugName(1))
                    except Exception:
                        names.add(f"unreadable:{descriptor.get('/FontName')}")
    return names


def bookmarks(content):
    """The PDF's outline as (depth, title) in reading order."""
    rows = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                rows.append((depth, item.title))

    walk(reader(content).outline, 0)
    return rows
