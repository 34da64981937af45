"""Addresses the policies tests ask for."""

from django.urls import reverse


def detail_url(policy):
    return reverse("policies:detail", args=[policy.municipality.slug, policy.slug])


def staff_url(name, policy, *args):
    return reverse(f"policies:{name}", args=[policy.municipality.slug, policy.slug, *args])
