"""Council membership as a source of access: a council member reads the closed items of
the councils they currently sit on."""

from django.db.models import Q


def council_ids_for_member(user):
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_politikspor_councils", None)
    if cached is None:
        from councils.models import Membership

        cached = set(
            Membership.objects.current()
            .filter(person__user=user)
            .values_list("council_id", flat=True)
        )
        user._politikspor_councils = cached
    return cached


def insider_q(user, *, municipality_path, council_path):
    """Q for rows whose council's members and municipality's secretariat may read everything.

    ``municipality_path``/``council_path`` are the lookups from the queried model to its
    municipality id and council id (e.g. ``"meeting__council__municipality_id"``).
    """
    from core.roles import editor_municipality_ids

    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(**{f"{municipality_path}__in": editor_municipality_ids(user)}) | Q(
        **{f"{council_path}__in": council_ids_for_member(user)}
    )
