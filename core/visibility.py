"""One visibility rule per model.

Every model that can be shown to someone has a QuerySet with ``visible_to(user)``; views,
feeds, exports, search, downloads and PDFs fetch objects only through it. A model that
forgets to define it fails loudly rather than showing everything.
"""

from django.db import models
from django.http import Http404


class VisibilityQuerySet(models.QuerySet):
    def visible_to(self, user):
        raise NotImplementedError(f"{self.model.__name__} has no visibility rule")


def get_visible_or_404(queryset, user, **lookup):
    """Fetch one object through its model's visibility rule.

    An object the user may not see answers 404, exactly like one that does not exist, so
    neither the page nor the error message reveals that it is there.
    """
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
