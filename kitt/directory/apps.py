from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "kitt.directory"
    label = "directory"
