from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def fill_empty_index(sender, using: str = "default", **kwargs) -> None:
    """After ``migrate``: a database that has tasks but no index yet (imported before this app
    was installed) gets its index built once."""
    from luoshi.core.models import Task
    from luoshi.search.indexing import reindex_all
    from luoshi.search.models import TaskEntry

    if Task.objects.using(using).exists() and not TaskEntry.objects.using(using).exists():
        reindex_all()


class SearchConfig(AppConfig):
    name = "luoshi.search"
    label = "search"
    verbose_name = _("检索")

    def ready(self) -> None:
        from luoshi.search import signals

        signals.connect()
        post_migrate.connect(fill_empty_index, sender=self, dispatch_uid="luoshi.search.fill")
