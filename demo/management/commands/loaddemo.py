"""Load the demo: Aalborg and Norddjurs from the five seed documents. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import accounts, actionplans, councils, hearings, municipalities, policies

# In dependency order; each step builds on the ones before it.
STEPS = [municipalities, councils, policies, hearings, actionplans, accounts]


class Command(BaseCommand):
    help = "Indlæser demodata fra Aalborg og Norddjurs kommuner (kan køres flere gange)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for step in STEPS:
                step.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demodata er indlæst."))
