from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "kitt.access"
    label = "access"
