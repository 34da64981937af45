"""Demo tenants and their departments, as the seed documents name them."""

from core.models import Department, Municipality

MUNICIPALITIES = [
    {
        "slug": "aalborg",
        "name": "Aalborg",
        "code": "851",
        "website": "https://www.aalborg.dk",
        "address": "Boulevarden 13, 9000 Aalborg",
        "cvr": "29189420",
        "departments": [
            "Job og Velfærd",
            "Børn og Unge",
            "Sundhed og Kultur",
            "Ældre og Handicap",
            "Job- og Integrationshuset",
            "Center for Tværfaglig Forebyggelse",
            "Job- og Uddannelsesafdelingen",
        ],
    },
    {
        "slug": "norddjurs",
        "name": "Norddjurs",
        "code": "707",
        "website": "https://www.norddjurs.dk",
        "address": "",
        "cvr": "",
        "departments": ["Arbejdsmarked", "Børn og Familie"],
    },
]


def load(stdout):
    for data in MUNICIPALITIES:
        data = dict(data)
        departments = data.pop("departments")
        municipality, _ = Municipality.objects.update_or_create(
            slug=data.pop("slug"), defaults=data
        )
        for name in departments:
            Department.objects.get_or_create(municipality=municipality, name=name)
    stdout.write("Kommuner og forvaltninger: Aalborg, Norddjurs")
