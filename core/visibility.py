"""One read rule per model, asked of the one access object (core.access.Reader).

Every model that can be shown to someone has a QuerySet with ``visible_to(who)``, where
``who`` is a request, a user or a ``Reader``; views, feeds, exports, search, API, downloads
and PDFs fetch objects only through it. The model states its rule in ``rule(reader)``, with
the conditions the reader gives. A child model states its own rule too (usually "what the
reader may see of the parent, and ..."), rather than trusting that somebody checked the
parent. A model that forgets its rule fails loudly rather than showing everything.
"""

from django.db import models
from django.http import Http404

from core.access import Reader


class VisibilityQuerySet(models.QuerySet):
    def visible_to(self, who):
        return self.rule(Reader.of(who))

    def rule(self, reader: Reader):
        raise NotImplementedError(f"{self.model.__name__} has no read rule")


class PublicQuerySet(VisibilityQuerySet):
    """For registers whose every row is public (municipalities, councils, themes …)."""

    def rule(self, reader):
        return self.all()


def get_visible_or_404(queryset, who, **lookup):
    """Fetch one object through its model's read rule.

    An object the reader may not see answers 404, exactly like one that does not exist, so
    neither the page nor the error message reveals that it is there.
    """
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    try:
        return queryset.visible_to(who).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
