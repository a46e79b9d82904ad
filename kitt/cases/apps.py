from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "kitt.cases"
    label = "cases"
