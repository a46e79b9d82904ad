from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kitt.people"
    label = "people"
