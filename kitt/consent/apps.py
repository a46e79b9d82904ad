from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "kitt.consent"
    label = "consent"
