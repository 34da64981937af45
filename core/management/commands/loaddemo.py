"""Load the demo: Aalborg and Norddjurs from the five seed documents. Idempotent."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# In dependency order; each app's demo module has load(stdout) and builds on the previous.
DEMO_MODULES = [
    "core.demo",
    "councils.demo",
    "policies.demo",
    "hearings.demo",
    "actionplans.demo",
    "core.demo_accounts",
]


class Command(BaseCommand):
    help = "Indlæser demodata fra Aalborg og Norddjurs kommuner (kan køres flere gange)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    continue
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demodata er indlæst."))
