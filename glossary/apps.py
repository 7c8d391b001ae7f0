from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class GlossaryConfig(AppConfig):
    name = "glossary"

    def ready(self) -> None:
        from .matching import glossary_changed

        # Any change to a term (its name or aliases) invalidates every process's matcher.
        post_save.connect(glossary_changed, sender="glossary.Term", dispatch_uid="glossary.saved")
        post_delete.connect(
            glossary_changed, sender="glossary.Term", dispatch_uid="glossary.deleted"
        )
