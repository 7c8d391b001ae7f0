"""Areas of the Python full-stack and the plain-English glossary of terms met on résumés."""

import uuid

from django.db import models
from django.db.models import Q

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

# What a term on a résumé can tell a recruiter on its own (see glossary.decoding):
TAGS = {
    "outdated": "Experience that may be out of date",
    "senior": "Senior-level work",
    "testing": "Automated testing",
}


class Area(models.Model):
    """One layer of a Python full-stack résumé (Python language, Back-end & APIs, ...).

    Questions, glossary terms and scorecard sections are grouped by area, in ``order``.
    """

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(help_text="Areas are listed by this number.")
    description = models.CharField(max_length=300)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(slug__regex=SLUG_PATTERN), name="area_slug_valid"),
            models.CheckConstraint(condition=~Q(name=""), name="area_name_present"),
            models.CheckConstraint(condition=~Q(description=""), name="area_description_present"),
        ]

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    """A technology word a recruiter meets, explained for a non-engineer.

    ``aliases`` is a list of other spellings seen on résumés ("DRF", "k8s"); ``related`` points to
    other terms worth reading next (one way: A listing B does not make B list A).
    """

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=80)
    aliases = models.JSONField(default=list, blank=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="terms")
    meaning = models.CharField(max_length=300, help_text="At most two short sentences.")
    where_seen = models.CharField("where you will see it", max_length=300)
    signals = models.CharField("what it signals", max_length=300)
    related = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="related_from"
    )
    tags = models.JSONField(default=list, blank=True, help_text="Any of: " + ", ".join(TAGS) + ".")
    successors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        help_text="For an outdated term: the terms that replaced it. A résumé naming one of them "
        "as well is not pointed out as out of date.",
    )
    kind = models.CharField(
        max_length=10,
        choices=[("technology", "Technology"), ("concept", "Idea or practice")],
        default="technology",
        help_text="A named technology (a language, tool, service, standard or method), or a "
        "general idea or practice the glossary explains (caching, code review). The decoder "
        "lists them apart.",
    )
    other_meanings = models.JSONField(
        default=list,
        blank=True,
        help_text="Phrases in which the name means something else (“royal python”, “Django "
        "Unchained”): never marked as the term.",
    )
    case_sensitive = models.BooleanField(
        default=False,
        help_text="Find it only when written exactly as its name or an alias (“Go”, not “go”).",
    )
    needs_context = models.BooleanField(
        "needs a technical neighbour",
        default=False,
        help_text="Its name is also an everyday word (Black, Requests, Slack): the decoder counts "
        "it only in a list of technologies or next to a version number.",
    )
    verified = models.DateField(
        null=True,
        blank=True,
        help_text="When the facts that date (versions, support) were checked.",
    )
    review_by = models.DateField(
        null=True, blank=True, help_text="When to check them again: a test fails after this date."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(slug__regex=SLUG_PATTERN), name="term_slug_valid"),
            models.CheckConstraint(condition=~Q(name=""), name="term_name_present"),
            models.CheckConstraint(condition=~Q(meaning=""), name="term_meaning_present"),
            models.CheckConstraint(condition=~Q(where_seen=""), name="term_where_seen_present"),
            models.CheckConstraint(condition=~Q(signals=""), name="term_signals_present"),
            models.CheckConstraint(
                condition=Q(kind__in=["technology", "concept"]), name="term_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(review_by__isnull=True)
                | (Q(verified__isnull=False) & Q(review_by__gte=models.F("verified"))),
                name="term_review_after_verified",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GlossaryRevision(models.Model):
    """A token replaced in the same transaction as every change to a term or an area.

    Each process keeps a matcher built from all terms (see ``glossary.matching``) and rebuilds
    it when this token differs from the one it was built at. Keeping it in the database, not in
    a cache, means a change is seen by every process exactly when it commits, with or without
    Redis, and never before. A random token rather than a counter, so a database restored from
    a backup (or emptied by a test) can never repeat a revision some process has seen.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"Glossary revision {self.token}"

    @classmethod
    def current(cls) -> str:
        """The current revision token ("" before the first change). One query."""
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or ""

    @classmethod
    def bump(cls) -> None:
        """Replace the token, inside the caller's transaction (if any)."""
        token = uuid.uuid4().hex
        if not cls.objects.filter(pk=1).update(token=token):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
