from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "kitt.meetings"
    label = "meetings"
