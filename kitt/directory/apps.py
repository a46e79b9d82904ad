from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "kitt.directory"
    label = "directory"
    verbose_name = _("Tjänstekatalog")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the search-index receivers)
