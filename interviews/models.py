"""The question bank (questions, kits, red flags) and screenings (positions, candidates...)."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from glossary.models import SLUG_PATTERN, Area, Term

NOTES_MAX_LENGTH = 5000  # characters per question's notes


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


# --- Screening: positions, candidates and interviews ------------------------------------------


class Position(models.Model):
    """A job opening. Its hiring managers review its interviews; its default kit starts them."""

    title = models.CharField(max_length=120)
    level = models.CharField(max_length=10, choices=Level)
    hiring_managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="managed_positions"
    )
    default_kit = models.ForeignKey(
        Kit, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    is_open = models.BooleanField("open", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_open", "title"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="position_title_present"),
            models.CheckConstraint(
                condition=Q(level__in=Level.values), name="position_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CandidateQuerySet(models.QuerySet):
    """Reusable queries over candidates."""

    def search(self, text: str) -> "CandidateQuerySet":
        """Candidates whose name or email contains every word of ``text`` (case-insensitive)."""
        queryset = self
        for word in text.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(email__icontains=word))
        return queryset


class Candidate(models.Model):
    """A person being screened. ``links`` is a list of URLs (GitHub, portfolio, LinkedIn...)."""

    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    resume_text = models.TextField("résumé text", blank=True, max_length=100_000)
    links = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="candidate_name_present"),
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    """Where an interview is in its life."""

    DRAFT = "draft", "Prepared, not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


class Recommendation(models.TextChoices):
    """The interviewer's recommendation at the end (and, later, the hiring manager's decision)."""

    ADVANCE = "advance", "Advance"
    HOLD = "hold", "Hold"
    DECLINE = "decline", "Decline"


class Rating(models.TextChoices):
    """How an answer compared with the guidance; Skipped when the question was not asked."""

    STRONG = "strong", "Strong"
    AVERAGE = "average", "Average"
    WEAK = "weak", "Weak"
    SKIPPED = "skipped", "Skipped"


class InterviewQuerySet(models.QuerySet):
    """Reusable queries over interviews."""

    def conducted_by(self, user) -> "InterviewQuerySet":
        """Interviews ``user`` runs as the interviewer."""
        return self.filter(interviewer=user)

    def open(self) -> "InterviewQuerySet":
        """Interviews not submitted yet: prepared (draft) or in progress."""
        return self.exclude(status=Status.SUBMITTED)

    def submitted(self) -> "InterviewQuerySet":
        """Submitted (read-only) interviews."""
        return self.filter(status=Status.SUBMITTED)

    def with_progress(self) -> "InterviewQuerySet":
        """Annotate ``question_total`` and ``answered_total`` (questions with a rating)."""
        return self.annotate(
            question_total=models.Count("questions"),
            answered_total=models.Count("questions", filter=~Q(questions__rating="")),
        )


class Interview(models.Model):
    """One screening of one candidate for one position by one interviewer, run from a kit.

    The kit's questions are copied into :class:`InterviewQuestion` rows when it starts. The
    clock is kept here: ``elapsed_seconds`` accumulated while paused, plus the time since
    ``clock_started_at`` while it runs.
    """

    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="interviews")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="interviews")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interviews"
    )
    kit = models.ForeignKey(Kit, null=True, on_delete=models.SET_NULL, related_name="interviews")
    kit_name = models.CharField(max_length=120)
    budget_minutes = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    elapsed_seconds = models.PositiveIntegerField(default=0)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    recommendation = models.CharField(max_length=10, choices=Recommendation, blank=True)
    summary = models.TextField(blank=True, max_length=5000)

    objects = InterviewQuerySet.as_manager()
    # Changes to the outcome are kept from submission on (see interviews.history).
    history = HistoricalRecords(
        excluded_fields=["elapsed_seconds", "clock_started_at", "kit", "created_at"]
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="interview_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT) | Q(started_at__isnull=False),
                name="interview_started_unless_draft",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.SUBMITTED)
                | (~Q(recommendation="") & ~Q(summary="") & Q(submitted_at__isnull=False)),
                name="interview_submitted_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.position}"

    def get_absolute_url(self) -> str:
        """The workbench while in progress, the summary once submitted."""
        if self.is_submitted:
            return reverse("interviews:scorecard", args=[self.pk])
        return reverse("interviews:workbench", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        """True once submitted: the interview is then read-only."""
        return self.status == Status.SUBMITTED

    @property
    def is_draft(self) -> bool:
        """True while prepared but not started: no clock yet."""
        return self.status == Status.DRAFT

    def start(self, now: datetime | None = None) -> None:
        """Begin a prepared interview: it is in progress and its clock runs (not saved)."""
        if self.status == Status.DRAFT:
            now = now or timezone.now()
            self.status = Status.IN_PROGRESS
            self.started_at = now
            self.resume_clock(now)

    @property
    def clock_running(self) -> bool:
        """True while the interview clock runs."""
        return self.clock_started_at is not None

    def elapsed(self, now: datetime | None = None) -> int:
        """Seconds on the interview clock at ``now`` (default: the current time)."""
        running = 0
        if self.clock_started_at is not None:
            now = now or timezone.now()
            running = max(0, int((now - self.clock_started_at).total_seconds()))
        return self.elapsed_seconds + running

    def pause_clock(self, now: datetime | None = None) -> None:
        """Stop the clock, keeping the time so far (not saved: call ``save``)."""
        if self.clock_started_at is not None:
            self.elapsed_seconds = self.elapsed(now)
            self.clock_started_at = None

    def resume_clock(self, now: datetime | None = None) -> None:
        """Start the clock again if it is stopped (not saved: call ``save``)."""
        if self.clock_started_at is None:
            self.clock_started_at = now or timezone.now()


# The question's fields copied into an interview when it starts (besides its area).
COPIED_FIELDS = (
    "level",
    "minutes",
    "prompt",
    "probes",
    "strong",
    "average",
    "weak",
    "cues",
    "follow_ups",
)


class InterviewQuestion(models.Model):
    """A question as it was asked in one interview, and the answer's rating, cues and notes.

    The question's text and guidance are copied when the interview starts, so editing or deleting
    the bank question never changes a past interview. ``cues_heard`` holds the indexes (into
    ``cues``) the interviewer ticked. ``notes_version`` counts saves of the notes, so a save from a
    stale browser tab can be detected instead of overwriting newer notes.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(help_text="Order in the interview, from 1.")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="asked"
    )
    area_name = models.CharField(max_length=80)
    area_order = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=10, choices=Level)
    minutes = models.PositiveSmallIntegerField()
    prompt = models.CharField(max_length=500)
    probes = models.CharField(max_length=300)
    strong = models.CharField(max_length=600)
    average = models.CharField(max_length=600)
    weak = models.CharField(max_length=600)
    cues = models.JSONField(default=list)
    follow_ups = models.JSONField(default=list)
    rating = models.CharField(max_length=10, choices=Rating, blank=True)
    cues_heard = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH)
    notes_version = models.PositiveIntegerField(default=0)
    rated_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "question",
            "area_name",
            "area_order",
            *COPIED_FIELDS,
            "notes_version",
            "rated_at",
            "updated_at",
        ],
    )

    class Meta:
        ordering = ["interview", "number"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "number"], name="interview_number_once"),
            models.CheckConstraint(
                condition=Q(rating__in=[*Rating.values, ""]), name="interview_question_rating_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interview} #{self.number}"

    @classmethod
    def copy_of(cls, question: Question, interview: Interview, number: int) -> "InterviewQuestion":
        """An unsaved copy of ``question`` (with its ``area`` loaded) as question ``number``."""
        return cls(
            interview=interview,
            number=number,
            question=question,
            area_name=question.area.name,
            area_order=question.area.order,
            **{field: getattr(question, field) for field in COPIED_FIELDS},
        )

    @property
    def suggested_rating(self) -> str:
        """The rating the cues heard suggest ("" when no cue was heard).

        The rule (also shown to the interviewer): two thirds or more of the cues heard suggests
        Strong, one third or more Average, fewer Weak.
        """
        if not self.cues or not self.cues_heard:
            return ""
        share = len(self.cues_heard) / len(self.cues)
        if share >= 2 / 3:
            return Rating.STRONG
        if share >= 1 / 3:
            return Rating.AVERAGE
        return Rating.WEAK


class InterviewRedFlag(models.Model):
    """A red flag ticked during an interview, with an optional note. The name is copied."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="red_flags")
    red_flag = models.ForeignKey(
        RedFlag, null=True, on_delete=models.SET_NULL, related_name="interview_flags"
    )
    name = models.CharField(max_length=120)
    note = models.CharField(max_length=300, blank=True)
    flagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["interview", "name"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "red_flag"], name="interview_flag_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    """A hiring manager's decision on a submitted interview; every change is kept in history."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=10, choices=Recommendation)
    note = models.TextField(blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions"
    )
    decided_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["decided_at"])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Recommendation.values), name="decision_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.interview}"
