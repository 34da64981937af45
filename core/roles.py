"""Who may do what, per municipality. Cached on the user object for one request."""

from core.models import MunicipalityRole


def _roles(user):
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_politikspor_roles", None)
    if cached is None:
        cached = {}
        for municipality_id, role in MunicipalityRole.objects.filter(user=user).values_list(
            "municipality_id", "role"
        ):
            cached.setdefault(municipality_id, set()).add(role)
        user._politikspor_roles = cached
    return cached


def editor_municipality_ids(user):
    """Municipalities whose secretariat work (drafts, closed items) this user may do.

    A municipality admin is an editor too. A superuser is trusted everywhere.
    """
    if getattr(user, "is_superuser", False):
        from core.models import Municipality

        return set(Municipality.objects.values_list("id", flat=True))
    return set(_roles(user))


def is_editor(user, municipality):
    municipality_id = getattr(municipality, "pk", municipality)
    return getattr(user, "is_superuser", False) or municipality_id in _roles(user)


def is_admin(user, municipality):
    municipality_id = getattr(municipality, "pk", municipality)
    return getattr(user, "is_superuser", False) or MunicipalityRole.Role.ADMIN in _roles(user).get(
        municipality_id, set()
    )


def has_staff_area(user):
    """Editors, admins and council members work in the staff area."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or _roles(user):
        return True
    # Council membership is owned by the councils app; look it up without importing it.
    from django.apps import apps

    membership = apps.get_model("councils", "Membership")
    return membership.objects.current().filter(person__user=user).exists()
