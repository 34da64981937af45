from django.shortcuts import render

from core.views import municipality_from_slug


def index(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    return render(request, "core/placeholder.html", {"municipality": municipality})
