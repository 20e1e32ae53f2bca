from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "luoshi.rounds"
    label = "rounds"
    verbose_name = _("填报轮次")
    default_auto_field = "django.db.models.BigAutoField"
