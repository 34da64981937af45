"""Who reads what in hearings: the secretariat (editors) and the council members of the
municipality are insiders; council membership is read from the councils app."""

from django.db.models import Q


def member_municipality_ids(user):
    """Municipalities where the user currently sits on a council. Cached per request user."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_politikspor_member_municipalities", None)
    if cached is None:
        from councils.models import Council
        from councils.roles import council_ids_for_member

        council_ids = council_ids_for_member(user)
        cached = (
            set(
                Council.objects.filter(id__in=council_ids).values_list("municipality_id", flat=True)
            )
            if council_ids
            else set()
        )
        user._politikspor_member_municipalities = cached
    return cached


def is_insider(user, municipality):
    """Secretariat or council member of the municipality: may review hearings there."""
    from core.roles import editor_municipality_ids

    municipality_id = getattr(municipality, "pk", municipality)
    return municipality_id in editor_municipality_ids(user) or municipality_id in (
        member_municipality_ids(user)
    )


def insider_q(user, path):
    """Secretariat of the municipality or a current member of one of its councils."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    from core.roles import editor_municipality_ids

    ids = editor_municipality_ids(user) | member_municipality_ids(user)
    return Q(**{f"{path}__in": ids})


def editor_q(user, path):
    from core.roles import editor_municipality_ids

    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(**{f"{path}__in": editor_municipality_ids(user)})
