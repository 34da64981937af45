"""Check the database and the broker before start-up; one clear line per problem."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from core import health


class Command(BaseCommand):
    help = "Tjekker forbindelsen til databasen og Redis før start."

    def handle(self, *args, **options):
        problems = []
        if not health.check_database()["ok"]:
            db = settings.DATABASES["default"]
            where = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db.get('NAME')}"
            problems.append(
                f"PostgreSQL svarer ikke på {where}: tjek DATABASE_URL "
                "(eller fjern den for at bruge den indbyggede server i var/)."
            )
        if not health.check_broker()["ok"]:
            problems.append(
                f"Redis svarer ikke på {settings.CELERY_BROKER_URL}: tjek REDIS_URL "
                "(eller fjern den for at bruge den indbyggede server)."
            )
        for problem in problems:
            sys.stderr.write(f"Politikspor kan ikke starte: {problem}\n")
        if problems:
            sys.exit(2)
        self.stdout.write("Database og Redis svarer.")
