from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "kitt.plans"
    label = "plans"
