from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save


class GlossaryConfig(AppConfig):
    name = "glossary"

    def ready(self) -> None:
        from .matching import glossary_changed, new_request

        # Any change to a term (its name or aliases) or an area invalidates every process's
        # matcher: the revision moves in the same transaction (see GlossaryRevision).
        for model in ("glossary.Term", "glossary.Area"):
            post_save.connect(glossary_changed, sender=model, dispatch_uid=f"{model}.saved")
            post_delete.connect(glossary_changed, sender=model, dispatch_uid=f"{model}.deleted")
        # Each request checks the revision once, however many texts it marks.
        request_started.connect(new_request, dispatch_uid="glossary.new_request")
