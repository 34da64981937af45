from core.roles import has_staff_area


def politikspor(request):
    """What the base layout needs: the municipality in view and whether to show the staff area."""
    return {
        "current_municipality": getattr(request, "municipality", None),
        "is_staff_user": has_staff_area(getattr(request, "user", None)),
    }
