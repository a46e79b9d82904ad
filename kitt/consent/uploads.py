"""Checking an uploaded scan of a signed consent form: type by content, and size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Magic numbers of the accepted types; the file name and browser-sent type are not trusted.
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def validate_consent_document(upload) -> str:
    """Return the content type of an accepted upload, or raise ValidationError saying why not."""
    limit = settings.KITT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Filen är för stor (%(size)s). Största tillåtna storlek är %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type in SIGNATURES.items():
        if head.startswith(magic):
            return content_type
    raise ValidationError(_("Filen måste vara en PDF, JPEG eller PNG (en inskannad blankett)."))
