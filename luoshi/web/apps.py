from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "luoshi.web"
    label = "web"
    verbose_name = "网页"

    def ready(self) -> None:
        # Every write through Django bumps the data version the page caches are keyed by.
        from luoshi.web import pagecache

        pagecache.connect()
