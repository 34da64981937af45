from django.apps import AppConfig


class HearingsConfig(AppConfig):
    name = "hearings"
