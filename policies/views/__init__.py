"""Public pages (views.public) and the secretariat's work area (views.staff)."""

from policies.views.public import compare, detail, index, version

__all__ = ["compare", "detail", "index", "version"]
