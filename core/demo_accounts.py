"""Demo logins, one per role. Passwords are random and printed once, when created."""

import secrets

from django.contrib.auth import get_user_model

from core.models import Municipality, MunicipalityRole

ACCOUNTS = [
    # username, full name, municipality slug, role (None: council member via Person link)
    ("redaktoer-aalborg", "Demo Redaktør Aalborg", "aalborg", MunicipalityRole.Role.EDITOR),
    ("redaktoer-norddjurs", "Demo Redaktør Norddjurs", "norddjurs", MunicipalityRole.Role.EDITOR),
    ("admin-aalborg", "Demo Kommuneadministrator", "aalborg", MunicipalityRole.Role.ADMIN),
    ("raadsmedlem", "Demo Rådsmedlem", "aalborg", None),
]
COUNCIL_MEMBER_COUNCIL = "Integrationsrådet"


def load(stdout):
    user_model = get_user_model()
    created = []
    for username, full_name, slug, role in ACCOUNTS:
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        first, _, last = full_name.rpartition(" ")
        user, is_new = user_model.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if is_new:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            created.append((username, password, role))
        if role:
            MunicipalityRole.objects.get_or_create(user=user, municipality=municipality, role=role)
        else:
            _make_council_member(user, municipality)
    superuser, is_new = user_model.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if is_new:
        password = secrets.token_urlsafe(12)
        superuser.set_password(password)
        superuser.save()
        created.append(("admin", password, "superbruger (Django admin)"))
    if created:
        stdout.write("Demo-logins (vises kun denne ene gang – gem dem):")
        for username, password, role in created:
            label = role.label if hasattr(role, "label") else (role or "rådsmedlem")
            stdout.write(f"  {username:22} {password}   ({label})")


def _make_council_member(user, municipality):
    """A fictitious member of the Integration Council, so closed items can be tried."""
    from councils.models import Council, Membership, Person

    council = Council.objects.filter(municipality=municipality, name=COUNCIL_MEMBER_COUNCIL).first()
    if council is None:
        return
    person, _ = Person.objects.get_or_create(
        municipality=municipality,
        user=user,
        defaults={"name": "Demo Rådsmedlem", "title": "Fiktivt medlem til demonstration"},
    )
    Membership.objects.get_or_create(
        council=council,
        person=person,
        defaults={"role": Membership.Role.OBSERVER, "represents": "Demo (fiktiv)"},
    )
