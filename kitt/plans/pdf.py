"""The plan as a PDF for the person to read and sign (WeasyPrint, A4, page numbers)."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from .models import PlanSignature
from .snapshot import display_snapshot

STYLESHEET = "plans/plan_pdf.css"


def plan_pdf(*, version, case, person) -> bytes:
    """Render one version of the plan (from its immutable snapshot) to PDF bytes."""
    from weasyprint import CSS, HTML

    html = render_to_string(
        "plans/plan_pdf.html",
        {
            "version": version,
            "signature": PlanSignature.objects.filter(version=version).first(),
            "case": case,
            "person": person,
            "coordinator": case.coordinator,
            "printed_at": timezone.localtime(),
            **display_snapshot(version.snapshot),
        },
    )
    stylesheet = CSS(filename=finders.find(STYLESHEET))
    return HTML(string=html).write_pdf(stylesheets=[stylesheet])
