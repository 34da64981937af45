"""Views of the hearings app: public pages, the secretariat's work area and the council's
review."""

from hearings.views import public, review, staff, staff_responses

__all__ = ["public", "review", "staff", "staff_responses"]
