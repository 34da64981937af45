from core.access import Reader


def politikspor(request):
    """What the base layout needs: the municipality in view and whether to show the staff area."""
    return {
        # Templates ask the access object through filters (``response|shown_text:reader``).
        "reader": Reader.of(request),
        "current_municipality": getattr(request, "municipality", None),
        "is_staff_user": Reader.of(request).has_staff_area,
    }
