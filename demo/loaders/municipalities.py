"""Municipalities and their departments (municipalities.yaml)."""

from core.models import Department, Municipality
from demo.loaders._base import read

FIELDS = ["name", "code", "website", "address", "cvr"]


def load(stdout):
    names = []
    for data in read("municipalities.yaml")["municipalities"]:
        municipality, _ = Municipality.objects.update_or_create(
            slug=data["slug"], defaults={field: data[field] for field in FIELDS}
        )
        for name in data["departments"]:
            Department.objects.get_or_create(municipality=municipality, name=name)
        names.append(municipality.name)
    stdout.write("Kommuner og forvaltninger: " + ", ".join(names))
