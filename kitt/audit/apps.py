from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kitt.audit"
    label = "audit"
