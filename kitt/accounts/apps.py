from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kitt.accounts"
    label = "accounts"
