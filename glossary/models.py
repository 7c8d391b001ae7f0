"""Areas of the Python full-stack and the plain-English glossary of terms met on résumés."""

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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(slug__regex=SLUG_PATTERN), name="term_slug_valid"),
            models.CheckConstraint(condition=~Q(name=""), name="term_name_present"),
            models.CheckConstraint(condition=~Q(meaning=""), name="term_meaning_present"),
            models.CheckConstraint(condition=~Q(where_seen=""), name="term_where_seen_present"),
            models.CheckConstraint(condition=~Q(signals=""), name="term_signals_present"),
        ]

    def __str__(self) -> str:
        return self.name
