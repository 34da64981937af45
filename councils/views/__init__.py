"""Views of the councils app: public pages, feeds and the secretariat's work area."""

from councils.views import feeds, public, staff, staff_items

__all__ = ["feeds", "public", "staff", "staff_items"]
