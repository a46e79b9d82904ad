from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kitt.core"
    label = "core"
