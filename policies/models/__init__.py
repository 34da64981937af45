"""Policies and strategies: a tree of focus areas, goals and commitments, with a lifecycle
decided at meetings and named, frozen versions (e.g. "Høringsudkast 15.02.2023").

Split by topic (``policy``, ``parts``, ``versions``); import from ``policies.models``.
"""

from policies.models.parts import (
    Commitment,
    FocusArea,
    Goal,
    PolicyPart,
    Principle,
    Section,
)
from policies.models.policy import Policy, PolicyTransition
from policies.models.versions import PolicyVersion

__all__ = [
    "Commitment",
    "FocusArea",
    "Goal",
    "Policy",
    "PolicyPart",
    "PolicyTransition",
    "PolicyVersion",
    "Principle",
    "Section",
]
