"""manage.py audit_verify — walk the audit chain; exit 1 naming the first broken entry."""

from django.core.management.base import BaseCommand, CommandError

from kitt.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log."

    def handle(self, *args, **options):
        report = verify_chain()
        if report.ok:
            self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} entries."))
            return
        problem = report.problem
        where = f"entry {problem.seq}" + (f" (id {problem.entry_id})" if problem.entry_id else "")
        raise CommandError(f"Audit chain broken at {where}: {problem.kind} — {problem.detail}")
