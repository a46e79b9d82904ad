"""`manage.py demo`: load (or refresh) the demo collaboration. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from kitt.demo.seed import STEPS
from kitt.demo.seed.staff import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Läser in demodata: organisationer, tjänstekatalog och personal (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for label, step in STEPS:
                summary = step()
                self.stdout.write(f"demo · {label}: {summary}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klara. Logga in som coach, handlaggare, ledare eller admin "
                f"med lösenordet {DEMO_PASSWORD}."
            )
        )
