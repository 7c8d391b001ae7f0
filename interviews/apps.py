from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InterviewsConfig(AppConfig):
    name = "interviews"

    def ready(self) -> None:
        from .roles import sync_role_groups

        # Runs after every migrate and after the test runner's flushes, once permissions exist.
        post_migrate.connect(sync_role_groups, dispatch_uid="interviews.sync_role_groups")
