from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kitt.demo"
    label = "demo"
