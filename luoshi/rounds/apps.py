from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "luoshi.rounds"
    label = "rounds"
    verbose_name = "填报轮次"
    default_auto_field = "django.db.models.BigAutoField"
