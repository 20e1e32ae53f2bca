from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "luoshi.search"
    label = "search"
    verbose_name = "检索"

    def ready(self) -> None:
        from luoshi.search import signals

        signals.connect()
