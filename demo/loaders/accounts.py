"""Demo logins, one per role (accounts.yaml). Passwords are random and printed once, when
the account is made; nobody can read them afterwards."""

import secrets

from django.contrib.auth import get_user_model

from core.models import Municipality, MunicipalityRole
from councils.models import Council, Membership, Person
from demo.loaders._base import read


def load(stdout):
    data = read("accounts.yaml")
    created = []
    for account in data["accounts"]:
        municipality = Municipality.objects.filter(slug=account["municipality"]).first()
        if municipality is None:
            continue
        first, _, last = account["name"].rpartition(" ")
        user, password = _user(account["username"], first_name=first, last_name=last)
        if "role" in account:
            role = MunicipalityRole.Role(account["role"])
            MunicipalityRole.objects.get_or_create(user=user, municipality=municipality, role=role)
            label = role.label
        else:
            _make_council_member(user, municipality, account["name"], account["member_of"])
            label = "rådsmedlem"
        if password:
            created.append((user.username, password, label))
    user, password = _user(data["superuser"], is_staff=True, is_superuser=True)
    if password:
        created.append((user.username, password, "superbruger (Django admin)"))
    if created:
        stdout.write("Demo-logins (vises kun denne ene gang – gem dem):")
        for username, password, label in created:
            stdout.write(f"  {username:22} {password}   ({label})")


def _user(username, **defaults):
    """The user and, if it was made now, its new password."""
    user, is_new = get_user_model().objects.get_or_create(username=username, defaults=defaults)
    if not is_new:
        return user, None
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.save()
    return user, password


def _make_council_member(user, municipality, name, member_of):
    council = Council.objects.filter(municipality=municipality, name=member_of["council"]).first()
    if council is None:
        return
    person, _ = Person.objects.get_or_create(
        municipality=municipality, user=user, defaults={"name": name, "title": member_of["title"]}
    )
    Membership.objects.get_or_create(
        council=council,
        person=person,
        defaults={"role": member_of["role"], "represents": member_of["represents"]},
    )
