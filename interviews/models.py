"""The question bank (questions, interview kits, red flags) and, later, interviews."""

from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse

from glossary.models import SLUG_PATTERN, Area, Term


class Level(models.TextChoices):
    """How senior a question or kit is. Values sort in order of seniority."""

    JUNIOR = "junior", "Junior"
    MID = "mid", "Mid-level"
    SENIOR = "senior", "Senior"


class QuestionQuerySet(models.QuerySet):
    """Reusable queries over the question bank."""

    def active(self) -> "QuestionQuerySet":
        """Questions not retired by an admin."""
        return self.filter(active=True)

    def search(self, text: str) -> "QuestionQuerySet":
        """Questions whose prompt, purpose or guidance contains every word of ``text``.

        Args:
            text: what the user typed; case-insensitive; blank means no filtering.

        Returns:
            The filtered queryset.
        """
        queryset = self
        for word in text.split():
            queryset = queryset.filter(
                Q(prompt__icontains=word)
                | Q(probes__icontains=word)
                | Q(strong__icontains=word)
                | Q(slug__icontains=word)
                | Q(terms__name__icontains=word)
            )
        return queryset.distinct() if text.split() else queryset


class Question(models.Model):
    """What a recruiter asks, with plain-English guidance for judging the answer.

    ``cues`` are short phrases a strong answer tends to contain; ``follow_ups`` are prompts for
    digging deeper. Interviews copy a question when they start, so editing it never changes a
    past interview; retire a question with ``active = False`` instead of deleting it.
    """

    slug = models.SlugField(max_length=80, unique=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="questions")
    level = models.CharField(max_length=10, choices=Level)
    minutes = models.PositiveSmallIntegerField(help_text="Usual time to ask and answer, 1–15.")
    prompt = models.CharField(max_length=500, help_text="What the recruiter reads aloud.")
    probes = models.CharField("what it probes", max_length=300)
    strong = models.CharField("strong answer", max_length=600)
    average = models.CharField("average answer", max_length=600)
    weak = models.CharField("weak answer", max_length=600)
    cues = models.JSONField("listen-for cues", default=list)
    follow_ups = models.JSONField("follow-up prompts", default=list)
    terms = models.ManyToManyField(Term, blank=True, related_name="questions")
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["area__order", "level", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slug__regex=SLUG_PATTERN), name="question_slug_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__in=Level.values), name="question_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1, minutes__lte=15), name="question_minutes_range"
            ),
            *[
                models.CheckConstraint(
                    condition=~Q(**{field: ""}), name=f"question_{field}_present"
                )
                for field in ("prompt", "probes", "strong", "average", "weak")
            ],
        ]

    def __str__(self) -> str:
        return self.prompt if len(self.prompt) <= 80 else self.prompt[:79] + "…"

    def get_absolute_url(self) -> str:
        """The question's page in the bank."""
        return reverse("interviews:question_detail", args=[self.slug])


class RedFlag(models.Model):
    """A warning sign a recruiter can tick during an interview (from a curated catalogue)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    why = models.CharField("why it matters", max_length=400)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slug__regex=SLUG_PATTERN), name="redflag_slug_valid"
            ),
            models.CheckConstraint(condition=~Q(why=""), name="redflag_why_present"),
        ]

    def __str__(self) -> str:
        return self.name


class KitQuerySet(models.QuerySet):
    """Reusable queries over interview kits."""

    def with_totals(self) -> "KitQuerySet":
        """Annotate ``question_count`` and ``question_minutes`` (sum of the questions' minutes)."""
        return self.annotate(
            question_count=models.Count("kit_questions"),
            question_minutes=Sum("kit_questions__question__minutes"),
        )


class Kit(models.Model):
    """An ordered selection of questions for a role and level, with a time budget in minutes."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    level = models.CharField(max_length=10, choices=Level)
    minutes = models.PositiveSmallIntegerField("time budget (minutes)")
    description = models.CharField(max_length=400)
    questions = models.ManyToManyField(Question, through="KitQuestion", related_name="kits")

    objects = KitQuerySet.as_manager()

    class Meta:
        ordering = ["minutes", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(slug__regex=SLUG_PATTERN), name="kit_slug_valid"),
            models.CheckConstraint(condition=Q(level__in=Level.values), name="kit_level_valid"),
            models.CheckConstraint(condition=Q(minutes__gte=1), name="kit_minutes_positive"),
            models.CheckConstraint(condition=~Q(description=""), name="kit_description_present"),
        ]

    def __str__(self) -> str:
        return self.name


class KitQuestion(models.Model):
    """A question's place in a kit; ``position`` counts from 1 in the order asked."""

    kit = models.ForeignKey(Kit, on_delete=models.CASCADE, related_name="kit_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="kit_questions")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["kit", "position"]
        constraints = [
            models.UniqueConstraint(fields=["kit", "question"], name="kit_question_once"),
            models.UniqueConstraint(fields=["kit", "position"], name="kit_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kit} #{self.position}"
