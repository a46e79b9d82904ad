"""Keep ``Service.search_text`` current however the directory is edited (admin, seed, shell).

Receivers only delegate to ``services.py``, where the rule lives.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from . import services
from .models import Need, Organisation, Service, Unit


@receiver(post_save, sender=Service, dispatch_uid="directory_service_saved")
def _service_saved(sender, instance: Service, raw: bool = False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) == {"search_text"}):
        return
    services.service_reindex(service=instance)


@receiver(post_save, sender=Organisation, dispatch_uid="directory_organisation_saved")
def _organisation_saved(sender, instance: Organisation, raw: bool = False, created=False, **kw):
    if not raw and not created:
        services.services_reindex_for(organisation=instance)


@receiver(post_save, sender=Unit, dispatch_uid="directory_unit_saved")
def _unit_saved(sender, instance: Unit, raw: bool = False, created=False, **kwargs):
    if not raw and not created:
        services.services_reindex_for(unit=instance)


@receiver(post_save, sender=Need, dispatch_uid="directory_need_saved")
def _need_saved(sender, instance: Need, raw: bool = False, created=False, **kwargs):
    if not raw and not created:
        services.services_reindex_for(need=instance)


@receiver(pre_delete, sender=Need, dispatch_uid="directory_need_deleting")
def _need_deleting(sender, instance: Need, **kwargs):
    instance._kitt_service_ids = list(instance.services.values_list("pk", flat=True))


@receiver(post_delete, sender=Need, dispatch_uid="directory_need_deleted")
def _need_deleted(sender, instance: Need, **kwargs):
    services.services_reindex(ids=getattr(instance, "_kitt_service_ids", []))


@receiver(pre_delete, sender=Unit, dispatch_uid="directory_unit_deleting")
def _unit_deleting(sender, instance: Unit, **kwargs):
    instance._kitt_service_ids = list(instance.services.values_list("pk", flat=True))


@receiver(post_delete, sender=Unit, dispatch_uid="directory_unit_deleted")
def _unit_deleted(sender, instance: Unit, **kwargs):
    services.services_reindex(ids=getattr(instance, "_kitt_service_ids", []))


@receiver(m2m_changed, sender=Service.needs.through, dispatch_uid="directory_needs_changed")
def _needs_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    if action == "pre_clear":
        # Which services lose needs: the service itself, or every service of the need.
        instance._kitt_service_ids = (
            list(instance.services.values_list("pk", flat=True)) if reverse else [instance.pk]
        )
    elif action == "post_clear":
        services.services_reindex(ids=getattr(instance, "_kitt_service_ids", []))
    elif action in ("post_add", "post_remove"):
        services.services_reindex(ids=(pk_set or ()) if reverse else [instance.pk])
