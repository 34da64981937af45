"""Who reads: the one access object.

Every read in Politikspor asks one question: may this reader see this? Who the reader is
is worked out here, once per request (and once per report audience), and nowhere else:

- an **anonymous** reader (a citizen, a feed reader, the public version of a report) sees
  what is public;
- the **secretariat** of a municipality (its editors and admins; a superuser in every
  municipality) sees everything of that municipality;
- a **council member** sees what belongs to the councils they currently sit on (closed
  items, agendas before publication) and the municipality's work in progress that its
  councils are asked about (policy drafts, planned hearings, withheld responses).

Each model's ``visible_to`` states its own rule with the conditions this object gives
(``editor_q``, ``council_q``, ``insider_q``, ``own_q``); views ask its predicates
(``is_editor``, ``reads_council``, ``is_insider``). No other module reads roles or
memberships to decide access: ``tests/test_access_rule.py`` fails if one does.

Council membership is owned by the councils app; the kernel does not import it. The
councils app registers where current memberships are read from (``register_memberships``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

NOTHING = Q(pk__in=[])
CACHE_ATTRIBUTE = "_politikspor_reader"

# (user) -> iterable of (council_id, municipality_id) for the user's current memberships.
_membership_source: Callable[[object], Iterable[tuple[int, int]]] | None = None


def register_memberships(source):
    """Called once by the app that owns council memberships (councils.apps)."""
    global _membership_source
    _membership_source = source


def _ids(values):
    return frozenset(int(value) for value in values)


@dataclass(frozen=True)
class Reader:
    """Who reads, as sets of ids. Immutable and hashable (usable in cache keys)."""

    user_id: int | None = None
    editor_of: frozenset = frozenset()  # municipality ids: the secretariat's work
    admin_of: frozenset = frozenset()  # municipality ids: admins manage users and registers
    member_of: frozenset = frozenset()  # council ids: current memberships
    member_in: frozenset = frozenset()  # municipality ids of those councils
    superuser: bool = False
    label: str = ""

    # --- making readers ---------------------------------------------------------------------

    @classmethod
    def anonymous(cls) -> Reader:
        return ANONYMOUS

    @classmethod
    def of(cls, who) -> Reader:
        """The reader for a request, a user, or a reader (returned as it is).

        Cached on the user object, which lives for one request.
        """
        if isinstance(who, Reader):
            return who
        user = getattr(who, "user", who)  # a request carries its user
        if user is None or not getattr(user, "is_authenticated", False):
            return ANONYMOUS
        reader = getattr(user, CACHE_ATTRIBUTE, None)
        if reader is None:
            reader = cls._load(user)
            setattr(user, CACHE_ATTRIBUTE, reader)
        return reader

    @classmethod
    def _load(cls, user) -> Reader:
        from core.models import Municipality, MunicipalityRole

        roles = list(
            MunicipalityRole.objects.filter(user=user).values_list("municipality_id", "role")
        )
        if user.is_superuser:
            editor_of = admin_of = _ids(Municipality.objects.values_list("id", flat=True))
        else:
            editor_of = _ids(municipality for municipality, _role in roles)
            admin_of = _ids(m for m, role in roles if role == MunicipalityRole.Role.ADMIN)
        memberships = list(_membership_source(user)) if _membership_source else []
        return cls(
            user_id=user.pk,
            editor_of=editor_of,
            admin_of=admin_of,
            member_of=_ids(council for council, _m in memberships),
            member_in=_ids(municipality for _c, municipality in memberships),
            superuser=user.is_superuser,
            label=user.get_username(),
        )

    # The audiences reports are made for (see reports.specs): each reads as exactly the
    # people who may open the version.

    @classmethod
    def secretariat(cls, municipality_id) -> Reader:
        return cls(editor_of=_ids([municipality_id]), label=str(_("sekretariatet")))

    @classmethod
    def council(cls, council) -> Reader:
        return cls(
            member_of=_ids([council.pk]),
            member_in=_ids([council.municipality_id]),
            label=council.name,
        )

    # --- questions --------------------------------------------------------------------------

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None and not (self.editor_of or self.member_of)

    @property
    def has_staff_area(self) -> bool:
        """Editors, admins and council members work in the staff area (arbejdsrum)."""
        return bool(self.editor_of or self.member_of)

    @property
    def needs_second_factor(self) -> bool:
        """Editors, admins and superusers sign in with a second factor (accounts app)."""
        return self.superuser or bool(self.editor_of or self.admin_of)

    def is_editor(self, municipality) -> bool:
        return _pk(municipality) in self.editor_of

    def is_admin(self, municipality) -> bool:
        return _pk(municipality) in self.admin_of

    def sits_on(self, council) -> bool:
        return _pk(council) in self.member_of

    def reads_council(self, council) -> bool:
        """The council's members and its municipality's secretariat read all of it."""
        return self.sits_on(council) or self.is_editor(council.municipality_id)

    def is_insider(self, municipality) -> bool:
        """Secretariat or current council member of the municipality."""
        municipality_id = _pk(municipality)
        return municipality_id in self.editor_of or municipality_id in self.member_in

    def reads_contact_details(self, municipality) -> bool:
        """Contact details people typed into free text (the phone number in a hearing
        response): the municipality's secretariat reads them, since it answers the
        responders. Everyone else reads the text through ``core.redact``: council members
        decide on what a response says and need no citizen's phone number for that, and
        the public, feeds, exports, PDFs, search and the API never carry one."""
        return self.is_editor(municipality)

    def require_editor(self, municipality):
        if not self.is_editor(municipality):
            raise PermissionDenied

    def require_admin(self, municipality):
        if not self.is_admin(municipality):
            raise PermissionDenied

    def require_insider(self, municipality):
        if not self.is_insider(municipality):
            raise PermissionDenied

    # --- conditions for QuerySets -----------------------------------------------------------
    # ``path`` is the lookup from the queried model to the municipality id or council id,
    # e.g. "meeting__council__municipality_id".

    def editor_q(self, municipality_path) -> Q:
        return Q(**{f"{municipality_path}__in": self.editor_of}) if self.editor_of else NOTHING

    def council_q(self, *, council_path, municipality_path) -> Q:
        """Rows of a council its members read, and all its municipality's for the secretariat."""
        members = Q(**{f"{council_path}__in": self.member_of}) if self.member_of else NOTHING
        return members | self.editor_q(municipality_path)

    def insider_q(self, municipality_path) -> Q:
        ids = self.editor_of | self.member_in
        return Q(**{f"{municipality_path}__in": ids}) if ids else NOTHING

    def own_q(self, user_path="user_id") -> Q:
        """Rows that belong to this reader's own login (read marks, private annotations)."""
        return Q(**{user_path: self.user_id}) if self.user_id else NOTHING

    def __str__(self):
        return self.label or str(_("offentligheden"))


ANONYMOUS = Reader(label="")


def _pk(value):
    return getattr(value, "pk", value)
