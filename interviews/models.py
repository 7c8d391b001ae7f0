"""The question bank (questions, kits, red flags) and interviews (positions, candidates...)."""

import random
import secrets
from datetime import datetime
from typing import TypedDict, Unpack

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from glossary.models import SLUG_PATTERN, Area, Term

from . import scoring

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

    ``must_hear`` is the one idea a good answer cannot miss. ``cues`` are what a strong answer
    tends to contain, each ``{"kind": "idea" | "evidence", "text"}``: an idea is something to
    understand, evidence is proof of doing (numbers, names, what they did themselves, what
    failed). ``follow_ups`` are ``{"ask", "good_if", "weak_if"}``: a prompt for digging deeper with
    its answer key. ``variants`` are other wordings of a scenario prompt (an interview picks one,
    so a memorised answer does not fit); ``hypothetical`` is the version for someone without the
    experience a "tell me about a time" prompt asks for. ``practice_answers`` are sample answers
    (``{"rating", "transcript", "why"}``) an engineer rated, for calibration practice.
    ``verified``/``review_by`` date the version-dependent facts in the guidance.

    Interviews copy a question when they start, so editing it never changes a past interview;
    retire a question with ``active = False`` instead of deleting it.
    """

    slug = models.SlugField(max_length=80, unique=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="questions")
    level = models.CharField(max_length=10, choices=Level)
    minutes = models.PositiveSmallIntegerField(
        help_text="Usual time to ask and answer, 1–15.",
        validators=[MinValueValidator(1), MaxValueValidator(15)],
    )
    prompt = models.CharField(max_length=500, help_text="What the recruiter reads aloud.")
    probes = models.CharField("what it probes", max_length=300)
    strong = models.CharField("strong answer", max_length=600)
    average = models.CharField("average answer", max_length=600)
    weak = models.CharField("weak answer", max_length=600)
    must_hear = models.CharField(
        "must hear",
        max_length=120,
        blank=True,
        help_text="The one idea a good answer cannot miss, in at most 15 words.",
    )
    cues = models.JSONField("listen-for cues", default=list)
    follow_ups = models.JSONField("follow-up prompts", default=list)
    variants = models.JSONField("other wordings of the prompt", default=list, blank=True)
    hypothetical = models.CharField(
        "hypothetical version",
        max_length=500,
        blank=True,
        help_text="For someone without the experience the prompt asks about.",
    )
    practice_answers = models.JSONField(default=list, blank=True)
    terms = models.ManyToManyField(Term, blank=True, related_name="questions")
    active = models.BooleanField(default=True)
    verified = models.DateField(
        "facts checked on",
        null=True,
        blank=True,
        help_text="When version-dependent facts were checked.",
    )
    review_by = models.DateField(
        "check facts again by",
        null=True,
        blank=True,
        help_text="At most 18 months after the check.",
    )
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
    minutes = models.PositiveSmallIntegerField(
        "time budget (minutes)", validators=[MinValueValidator(1)]
    )
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
    """A question's place in a kit; ``number`` counts from 1 in the order asked (as an
    interview's questions are numbered)."""

    kit = models.ForeignKey(Kit, on_delete=models.CASCADE, related_name="kit_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="kit_questions")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["kit", "number"]
        constraints = [
            models.UniqueConstraint(fields=["kit", "question"], name="kit_question_once"),
            models.UniqueConstraint(fields=["kit", "number"], name="kit_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kit} #{self.number}"


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
    # The areas its submitted interviews asked about, as [order, name] pairs: the review's
    # columns. Grown when an interview is submitted, so the review never scans the questions.
    areas_asked = models.JSONField(default=list, blank=True, editable=False)

    # Who manages a position decides who reads its scorecards, so every change is kept.
    history = HistoricalRecords(
        m2m_fields=[hiring_managers], excluded_fields=["created_at", "areas_asked"]
    )

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

    def add_areas(self, questions: list) -> None:
        """Add the areas of a submitted interview's ``questions`` to ``areas_asked`` (saved).

        Call inside the submitting transaction; the position row is locked while it grows.
        """
        asked = {(q.area_order, q.area_name) for q in questions}
        known = {tuple(pair) for pair in self.areas_asked}
        if asked <= known:
            return
        locked = type(self).objects.select_for_update().get(pk=self.pk)
        merged = sorted({tuple(pair) for pair in locked.areas_asked} | asked)
        self.areas_asked = [list(pair) for pair in merged]
        type(self).objects.filter(pk=self.pk).update(areas_asked=self.areas_asked)


class CandidateQuerySet(models.QuerySet):
    """Reusable queries over candidates."""

    def search(self, text: str) -> "CandidateQuerySet":
        """Candidates whose name or email contains every word of ``text`` (case-insensitive)."""
        queryset = self
        for word in text.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(email__icontains=word))
        return queryset

    def pick(self, text: str, selected: object = None, limit: int = 10) -> "list[Candidate]":
        """A bounded list to choose a candidate from: the newest ``limit`` matching ``text``.

        Args:
            text: what was typed in the search box ("" for the newest candidates).
            selected: the id of a candidate already chosen, kept in the list even if it does
                not match (so the choice stays visible).
            limit: how many to list at most.

        Returns:
            The candidates, the chosen one first.
        """
        found = list(self.search(text).order_by("-created_at", "-pk")[:limit])
        try:
            chosen = int(selected) if selected not in (None, "") else None
        except (TypeError, ValueError):
            chosen = None
        if chosen and all(c.pk != chosen for c in found):
            found = [*self.filter(pk=chosen), *found][:limit]
        return found

    def duplicates(
        self, *, name: str = "", email: str = "", phone: str = "", limit: int = 5
    ) -> "list[tuple[Candidate, str]]":
        """Candidates who may be the same person: the same email, or the same name and phone.

        Emails and names compare without case (names also without extra spaces); phones by
        their digits, the last nine when both have that many (so "+44 7700 900123" is
        "07700 900123").

        Args:
            name, email, phone: what was typed for the person being added or edited.
            limit: how many to return at most.

        Returns:
            ``(candidate, reason)`` pairs, where reason is "email" or "name and phone".
        """
        name = " ".join(name.split())
        email = email.strip()
        digits = phone_digits(phone)
        match = Q(pk__in=[])
        if email:
            match |= Q(email__iexact=email)
        if name and digits:
            match |= Q(name__iexact=name)
        found = []
        for candidate in self.filter(match).order_by("-created_at", "-pk")[: limit * 4]:
            if email and candidate.email.lower() == email.lower():
                found.append((candidate, "email"))
            elif same_phone(digits, phone_digits(candidate.phone)):
                found.append((candidate, "name and phone"))
        return found[:limit]


def phone_digits(phone: str) -> str:
    """The digits of a phone number as typed ("+44 (0)7700-900123" gives "4407700900123")."""
    return "".join(character for character in phone if character in "0123456789")


def same_phone(first: str, second: str) -> bool:
    """Whether two phone numbers (digits only) are the same line: equal, or equal in their
    last nine digits when both have at least nine (a country code or trunk 0 aside)."""
    if not first or not second:
        return False
    if len(first) >= 9 and len(second) >= 9:
        return first[-9:] == second[-9:]
    return first == second


class Candidate(models.Model):
    """A person being screened. ``links`` is a list of URLs (GitHub, portfolio, LinkedIn...)."""

    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    resume_text = models.TextField("résumé text", blank=True, max_length=200_000)
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

    @property
    def label(self) -> str:
        """Name and email, to tell two people of the same name apart."""
        return f"{self.name} · {self.email}" if self.email else self.name


class Status(models.TextChoices):
    """Where an interview is in its life."""

    DRAFT = "draft", "Prepared, not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    ABANDONED = "abandoned", "Abandoned"


class Outcome(models.TextChoices):
    """Advance, Hold or Decline: what the interviewer recommends at the end of an interview
    (``Interview.recommendation``) and what the hiring manager decides (``Decision.outcome``)."""

    ADVANCE = "advance"
    HOLD = "hold"
    DECLINE = "decline"


class Rating(models.TextChoices):
    """How an answer compared with the guidance; Skipped when the question was not asked."""

    STRONG = "strong"
    AVERAGE = "average"
    WEAK = "weak"
    SKIPPED = "skipped"


class AnswerChange(TypedDict, total=False):
    """What one save changes on an answer; a part left out, or None, stays as it is.

    Keys:
        rating: a ``Rating`` value, or "" to clear it.
        cues: the indexes (into the question's cues) heard, replacing the ticked ones.
        notes: the notes; saved only if ``notes_version`` is the version they were based on, or
            ``overwrite`` is set (the rater chose to keep theirs).
        notes_version: the version of the notes the browser edited.
        overwrite: save ``notes`` even over newer notes from elsewhere (default False).
    """

    rating: str | None
    cues: list[int] | None
    notes: str | None
    notes_version: int | None
    overwrite: bool


# What changes while an interview runs, and so is read again under its row lock.
STATE_FIELDS = (
    "status",
    "started_at",
    "submitted_at",
    "elapsed_seconds",
    "clock_started_at",
    "recommendation",
    "summary",
    "abandoned_at",
    "abandon_reason",
)


class InterviewClosed(Exception):
    """A change was attempted on a submitted or abandoned (read-only) interview."""

    message = "This interview can no longer be changed."

    def __init__(self, interview: "Interview"):
        self.interview = interview
        super().__init__(self.message)


class InterviewSubmitted(InterviewClosed):
    """A change was attempted on a submitted (read-only) interview."""

    message = "This interview was submitted and can no longer be changed."


class InterviewAbandoned(InterviewClosed):
    """A change was attempted on an abandoned interview."""

    message = "This interview was abandoned and can no longer be changed."


class InterviewOnceSubmitted(InterviewClosed):
    """Abandoning was attempted on a reopened interview: its scorecard must be submitted again."""

    message = (
        "This interview was submitted before and reopened: submit it again rather than "
        "abandon it, so its scorecard is not lost."
    )


class InterviewNotSubmitted(Exception):
    """A decision or a reopening was attempted on an interview that is not submitted (any more)."""

    def __init__(self, interview: "Interview"):
        self.interview = interview
        super().__init__(
            "This interview is not submitted (it may have been reopened): reload the page."
        )


# What recording an answer may change on an interview's question.
ANSWER_FIELDS = ["rating", "rated_at", "cues_heard", "notes", "notes_version", "updated_at"]


class InvalidAnswer(ValueError):
    """An answer does not fit its question (a cue index the question does not have)."""


def refresh_review_fields(interviews, question_model, flag_model, position_model) -> int:
    """Recompute stored scores, red-flag counts, latest flags and positions' areas.

    Works on the given models so the migration that added the fields can use it too.

    Args:
        interviews: a queryset of interviews.
        question_model, flag_model, position_model: the models of their questions, red flags
            and positions.

    Returns:
        How many interviews were updated.
    """
    from collections import Counter, defaultdict

    ids = list(interviews.filter(status="submitted").values_list("pk", flat=True))
    updated, areas = 0, defaultdict(set)
    for start in range(0, len(ids), 2000):
        batch = ids[start : start + 2000]
        questions = defaultdict(list)
        for row in question_model.objects.filter(interview_id__in=batch).values(
            "interview_id", "area_name", "area_order", "rating"
        ):
            questions[row["interview_id"]].append(scoring.Answer(**row))
        flags = Counter(
            flag_model.objects.filter(interview_id__in=batch).values_list("interview_id", flat=True)
        )
        rows = list(interviews.model.objects.filter(pk__in=batch))
        for interview in rows:
            asked = questions[interview.pk]
            interview.score = scoring.score(q.rating for q in asked)
            interview.area_scores = {a.name: a.score for a in scoring.area_scores(asked)}
            interview.red_flag_total = flags[interview.pk]
            areas[interview.position_id] |= {(q.area_order, q.area_name) for q in asked}
        interviews.model.objects.bulk_update(rows, ["score", "area_scores", "red_flag_total"])
        updated += len(rows)
    latest: dict[tuple, tuple] = {}
    for pk, candidate, position, submitted in (
        interviews.model.objects.filter(pk__in=ids)
        .values_list("pk", "candidate_id", "position_id", "submitted_at")
        .iterator()
    ):
        key = (candidate, position)
        if key not in latest or (submitted, pk) > latest[key]:
            latest[key] = (submitted, pk)
    newest = {pk for _, pk in latest.values()}
    interviews.model.objects.filter(pk__in=ids).exclude(pk__in=newest).update(is_latest=False)
    for start in range(0, len(ids), 2000):
        chunk = [pk for pk in ids[start : start + 2000] if pk in newest]
        interviews.model.objects.filter(pk__in=chunk).update(is_latest=True)
    for position in position_model.objects.filter(pk__in=areas):
        merged = sorted({tuple(pair) for pair in position.areas_asked} | areas[position.pk])
        position.areas_asked = [list(pair) for pair in merged]
        position.save(update_fields=["areas_asked"])
    return updated


class InterviewQuerySet(models.QuerySet):
    """Reusable queries over interviews, and starting one."""

    def conducted_by(self, user) -> "InterviewQuerySet":
        """Interviews ``user`` runs as the interviewer."""
        return self.filter(interviewer=user)

    def open(self) -> "InterviewQuerySet":
        """Interviews still to be done: prepared (draft) or in progress."""
        return self.filter(status__in=[Status.DRAFT, Status.IN_PROGRESS])

    def submitted(self) -> "InterviewQuerySet":
        """Submitted (read-only) interviews."""
        return self.filter(status=Status.SUBMITTED)

    def with_progress(self) -> "InterviewQuerySet":
        """Annotate ``question_total`` and ``answered_total`` (questions with a rating)."""
        return self.annotate(
            question_total=models.Count("questions"),
            answered_total=models.Count("questions", filter=~Q(questions__rating="")),
        )

    def refresh_review(self) -> int:
        """Recompute the stored review fields of these interviews from their questions.

        For interviews made in bulk (generated data, imports) and for the migration that added
        the fields; ``submit`` keeps them up to date otherwise. Also recomputes which interview
        is each candidate's latest, and the positions' ``areas_asked``.

        Returns:
            How many interviews were updated.
        """
        return refresh_review_fields(self, InterviewQuestion, InterviewRedFlag, Position)

    def start(
        self,
        *,
        interviewer,
        candidate: Candidate,
        position: Position,
        questions: "list[Question]",
        kit: "Kit | None" = None,
        kit_name: str = "",
        budget_minutes: int | None = None,
        start_now: bool = True,
    ) -> "Interview":
        """Create an interview with copies of ``questions``, in one transaction.

        Args:
            interviewer: the user who runs it.
            candidate, position: who it is of and for.
            questions: bank questions (with ``area`` loaded), in the order they will be asked.
            kit: the kit they come from, if any.
            kit_name: shown as the interview's kit (default: the kit's name).
            budget_minutes: the time budget (default: the kit's).
            start_now: start it (in progress, clock running); otherwise it is prepared (draft).

        Returns:
            The saved interview.

        Raises:
            ValueError: no questions, or neither a kit nor a name and budget.
        """
        if not questions:
            raise ValueError("An interview needs at least one question.")
        if kit is None and not (kit_name and budget_minutes):
            raise ValueError("Give a kit, or a kit name and a budget.")
        with transaction.atomic():
            interview = self.model(
                candidate=candidate,
                position=position,
                interviewer=interviewer,
                kit=kit,
                kit_name=kit_name or kit.name,
                budget_minutes=budget_minutes or kit.minutes,
            )
            if start_now:
                interview._begin(timezone.now())
            interview.save()
            InterviewQuestion.objects.bulk_create(
                InterviewQuestion.copy_of(question, interview, number)
                for number, question in enumerate(questions, start=1)
            )
        return interview


class Interview(models.Model):
    """One screening of one candidate for one position by one interviewer, run from a kit.

    The kit's questions are copied into :class:`InterviewQuestion` rows when it starts. The
    clock is kept here: ``elapsed_seconds`` accumulated while paused, plus the time since
    ``clock_started_at`` while it runs.

    Every change (rate, tick cues, notes, red flags, clock, submit, reopen, decide) is a method
    below that runs in one transaction holding this interview's row lock and checks the state
    again inside it, so two requests can never interleave their reads and writes.
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
    recommendation = models.CharField(max_length=10, choices=Outcome, blank=True)
    summary = models.TextField(blank=True, max_length=5000)
    abandoned_at = models.DateTimeField(null=True, blank=True)
    abandon_reason = models.CharField(max_length=400, blank=True)
    # Stored when it is submitted (see ``submit``), for reviews of thousands of interviews:
    score = models.FloatField(null=True, blank=True, editable=False)
    area_scores = models.JSONField(default=dict, blank=True, editable=False)
    red_flag_total = models.PositiveSmallIntegerField(default=0, editable=False)
    is_latest = models.BooleanField(
        default=False,
        editable=False,
        help_text="The candidate's latest submitted interview for this position.",
    )

    objects = InterviewQuerySet.as_manager()
    # Changes to the outcome are kept from submission on (see interviews.history).
    history = HistoricalRecords(
        excluded_fields=[
            "elapsed_seconds",
            "clock_started_at",
            "kit",
            "created_at",
            "score",
            "area_scores",
            "red_flag_total",
            "is_latest",
        ]
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The position review: each candidate's latest submitted interview, newest first.
            models.Index(
                fields=["position", "is_latest", "-submitted_at"], name="interview_review"
            ),
            models.Index(fields=["position", "status", "interviewer"], name="interview_by_person"),
            # The review's promptness figure: a position's latest submissions, whatever the kit.
            models.Index(
                fields=["position", "status", "-submitted_at"], name="interview_submitted"
            ),
            models.Index(fields=["interviewer", "status", "-submitted_at"], name="interview_mine"),
            # The review's kit filter: how many of a position's candidates each kit screened,
            # counted from the index alone (10,000 screenings: 3 ms instead of 11-17 on
            # PostgreSQL, which otherwise reads every row).
            models.Index(
                fields=["position", "is_latest", "status", "kit_name"], name="interview_kits"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="interview_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[Status.DRAFT, Status.ABANDONED])
                | Q(started_at__isnull=False),
                name="interview_started_unless_draft",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.SUBMITTED)
                | (~Q(recommendation="") & ~Q(summary="") & Q(submitted_at__isnull=False)),
                name="interview_submitted_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.ABANDONED)
                | (~Q(abandon_reason="") & Q(abandoned_at__isnull=False)),
                name="interview_abandoned_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.position}"

    def get_absolute_url(self) -> str:
        """The workbench while in progress, the summary once submitted; an abandoned one is
        shown with the candidate's other interviews."""
        if self.is_submitted:
            return reverse("interviews:scorecard", args=[self.pk])
        if self.is_abandoned:
            url = reverse("interviews:candidate_detail", args=[self.candidate_id])
            return f"{url}#interview-{self.pk}"
        return reverse("interviews:workbench", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        """True once submitted: the interview is then read-only."""
        return self.status == Status.SUBMITTED

    @property
    def is_abandoned(self) -> bool:
        """True once abandoned: read-only, out of the review, kept in the candidate's history."""
        return self.status == Status.ABANDONED

    @property
    def is_open(self) -> bool:
        """True while prepared or in progress: it can still be changed."""
        return self.status in (Status.DRAFT, Status.IN_PROGRESS)

    @property
    def is_draft(self) -> bool:
        """True while prepared but not started: no clock yet."""
        return self.status == Status.DRAFT

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

    # --- In-memory steps (not saved; the operations below call them under the lock) ----------

    def _begin(self, now: datetime) -> None:
        """A prepared interview becomes in progress with its clock running."""
        if self.status == Status.DRAFT:
            self.status = Status.IN_PROGRESS
            self.started_at = now
            self._run_clock(now)

    def _stop_clock(self, now: datetime) -> None:
        if self.clock_started_at is not None:
            self.elapsed_seconds = self.elapsed(now)
            self.clock_started_at = None

    def _run_clock(self, now: datetime) -> None:
        if self.clock_started_at is None:
            self.clock_started_at = now

    def _lock(self, *, editable: bool = True) -> None:
        """Lock this interview's row until the transaction ends and reload it onto ``self``.

        Call inside ``transaction.atomic()``. On SQLite, whose transactions here take the write
        lock when they begin (``transaction_mode = IMMEDIATE``), the transaction itself is the lock.

        Raises:
            InterviewSubmitted: ``editable`` and the interview is submitted.
            InterviewAbandoned: ``editable`` and the interview is abandoned.
        """
        fresh = type(self).objects.select_for_update().values(*STATE_FIELDS).get(pk=self.pk)
        for name, value in fresh.items():
            setattr(self, name, value)
        if editable:
            self.ensure_open()

    def ensure_open(self) -> None:
        """Raise unless the interview can still be changed (as loaded; the operations call it
        again under the row lock).

        Raises:
            InterviewSubmitted: it is submitted.
            InterviewAbandoned: it is abandoned.
        """
        if self.is_submitted:
            raise InterviewSubmitted(self)
        if self.is_abandoned:
            raise InterviewAbandoned(self)

    def _lock_with_siblings(self, *, editable: bool = True) -> "list[Interview]":
        """Lock this interview and the other interviews of its candidate for its position.

        Submitting or reopening changes which of them is the candidate's latest, so all of them
        are locked, always in id order (two such changes can then never deadlock).

        Returns:
            The other interviews (locked, fresh).

        Raises:
            InterviewSubmitted: ``editable`` and this interview is submitted.
            InterviewAbandoned: ``editable`` and this interview is abandoned.
        """
        group = list(
            type(self)
            .objects.select_for_update()
            .filter(candidate_id=self.candidate_id, position_id=self.position_id)
            .order_by("pk")
        )
        fresh = next(interview for interview in group if interview.pk == self.pk)
        for field in self._meta.concrete_fields:
            setattr(self, field.attname, getattr(fresh, field.attname))
        if editable:
            self.ensure_open()
        return [interview for interview in group if interview.pk != self.pk]

    def _store_review_fields(self, questions: "list[InterviewQuestion]") -> None:
        """Work out the stored score, area scores and red-flag count (not saved).

        With co-raters who have submitted, the score and area scores are the composite: the
        mean over the interviewer and each of them.
        """
        sheets = [questions]
        for co_rater in self.co_raters.filter(submitted_at__isnull=False).prefetch_related(
            "ratings"
        ):
            by_question = {r.question_id: r.rating for r in co_rater.ratings.all()}
            sheets.append(
                [
                    scoring.Answer(self.pk, q.area_name, q.area_order, by_question.get(q.pk, ""))
                    for q in questions
                ]
            )
        self.score = scoring.composite([q.rating for q in sheet] for sheet in sheets)
        self.area_scores = scoring.composite_areas(sheets)
        self.red_flag_total = self.red_flags.count()

    def refresh_composite(self) -> None:
        """Store the composite score again (a co-rater submitted after the interview was).

        Does nothing while the interview is not submitted: ``submit`` stores it then.
        """
        with transaction.atomic():
            self._lock(editable=False)
            if not self.is_submitted:
                return
            self._store_review_fields(list(self.questions.all()))
            self.save(update_fields=["score", "area_scores", "red_flag_total"])

    def _mark_latest(self, siblings: "list[Interview]") -> None:
        """Flag which of this candidate's interviews for the position is the latest submitted."""
        submitted = [i for i in [self, *siblings] if i.status == Status.SUBMITTED]
        latest = max(submitted, key=lambda i: (i.submitted_at, i.pk), default=None)
        for interview in [self, *siblings]:
            is_latest = interview is latest
            if interview.is_latest != is_latest:
                interview.is_latest = is_latest
                type(self).objects.filter(pk=interview.pk).update(is_latest=is_latest)

    def _save_start(self, now: datetime) -> None:
        """The first thing recorded in a prepared interview starts it (and its clock)."""
        if self.is_draft:
            self._begin(now)
            self.save(update_fields=["status", "started_at", "clock_started_at"])

    # --- Operations: one transaction each, under the row lock -------------------------------

    def record_answer(
        self, number: int, **change: Unpack[AnswerChange]
    ) -> "tuple[InterviewQuestion, bool]":
        """Save what was heard for question ``number``.

        Args:
            number: the question's number in this interview.
            change: the parts to change (see ``AnswerChange``); the others stay as they are.

        Returns:
            ``(question, conflict)``: the saved question, and True when the notes were newer
            elsewhere and so not saved.

        Raises:
            InterviewClosed: the interview is submitted or abandoned.
            InterviewQuestion.DoesNotExist: no question ``number``.
            InvalidAnswer: a cue index the question does not have.
        """
        with transaction.atomic():
            self._lock()
            question = self.questions.get(number=number)
            now = timezone.now()
            conflict = question.apply(now, **change)
            self._save_start(now)
            # History starts at the first submission; autosaves during the call are not decisions.
            # (django-simple-history skips when the attribute merely exists, so set it only then.)
            if self.submitted_at is None:
                question.skip_history_when_saving = True
            question.save(update_fields=ANSWER_FIELDS)
        return question, conflict

    def set_red_flags(self, chosen: "dict[RedFlag, str]") -> int:
        """Make ``chosen`` (flag to note) the interview's ticked red flags.

        Returns:
            How many red flags are ticked now.

        Raises:
            InterviewClosed: the interview is submitted or abandoned.
        """
        with transaction.atomic():
            self._lock()
            self._save_start(timezone.now())
            self.red_flags.exclude(red_flag__in=chosen).delete()
            for flag, note in chosen.items():
                InterviewRedFlag.objects.update_or_create(
                    interview=self, red_flag=flag, defaults={"name": flag.name, "note": note}
                )
        return len(chosen)

    def pause(self) -> None:
        """Stop the clock, keeping the time so far.

        Raises:
            InterviewClosed: the interview is submitted or abandoned.
        """
        with transaction.atomic():
            self._lock()
            self._stop_clock(timezone.now())
            self.save(update_fields=["elapsed_seconds", "clock_started_at"])

    def resume(self) -> None:
        """Start the clock again; a prepared interview starts with it.

        Raises:
            InterviewClosed: the interview is submitted or abandoned.
        """
        with transaction.atomic():
            self._lock()
            now = timezone.now()
            self._begin(now)
            self._run_clock(now)
            self.save(update_fields=["status", "started_at", "clock_started_at"])

    def submit(self, *, recommendation: str, summary: str, by) -> None:
        """Record the recommendation and summary and make the interview read-only.

        The first submission also records the answers as submitted, so later changes (after
        a reopening) show in the scorecard's history against them. The position's hiring
        managers are notified (``interviews.notifications``).

        Args:
            recommendation: an ``Outcome`` value.
            summary: the interviewer's summary (not empty).
            by: the user submitting.

        Raises:
            InterviewClosed: it was submitted already (by another tab, say), or abandoned.
        """
        with transaction.atomic():
            siblings = self._lock_with_siblings()
            now = timezone.now()
            first_submission = self.submitted_at is None
            questions = list(self.questions.all())
            self._stop_clock(now)
            self.recommendation, self.summary = recommendation, summary
            self.status, self.submitted_at = Status.SUBMITTED, now
            self._store_review_fields(questions)
            self._history_user = by
            self.save()
            self._mark_latest(siblings)
            self.position.add_areas(questions)
            if first_submission:
                InterviewQuestion.history.bulk_history_create(
                    questions,
                    update=True,
                    default_user=by,
                    default_change_reason="Submitted",
                )
            from . import notifications  # imports these models

            notifications.screening_submitted(self, by=by, again=not first_submission)

    def reopen(self, *, reason: str, by) -> None:
        """Make a submitted interview editable again, recording who did it and why; the
        position's hiring managers are notified.

        Raises:
            InterviewNotSubmitted: it is not submitted (reopened already, say).
        """
        with transaction.atomic():
            siblings = self._lock_with_siblings(editable=False)
            if not self.is_submitted:
                raise InterviewNotSubmitted(self)
            self.status = Status.IN_PROGRESS
            self._history_user = by
            self._change_reason = reason
            self.save()
            self._mark_latest(siblings)
            from . import notifications  # imports these models

            notifications.screening_reopened(self, by=by, reason=reason)

    def abandon(self, *, reason: str, by) -> None:
        """Stop a prepared or in-progress interview for good, recording who did it and why.

        Its clock stops; it leaves the dashboards' open interviews and never enters the review;
        it stays in the candidate's history with its reason.

        Args:
            reason: why (not empty; at most 400 characters).
            by: the user abandoning it.

        Raises:
            InterviewClosed: it is submitted or abandoned already.
            InterviewOnceSubmitted: it was submitted before and reopened.
        """
        with transaction.atomic():
            self._lock()
            if self.submitted_at is not None:
                raise InterviewOnceSubmitted(self)
            now = timezone.now()
            self._stop_clock(now)
            self.status, self.abandoned_at, self.abandon_reason = Status.ABANDONED, now, reason
            self._history_user = by
            self._change_reason = reason
            self.save()

    def decide(self, *, outcome: str, note: str, by) -> "Decision":
        """Record or change the hiring manager's decision (kept in history); the interviewer is
        notified.

        Returns:
            The saved decision.

        Raises:
            InterviewNotSubmitted: the interview is not submitted (reopened meanwhile).
        """
        with transaction.atomic():
            self._lock(editable=False)
            if not self.is_submitted:
                raise InterviewNotSubmitted(self)
            decision = Decision.objects.filter(interview=self).first() or Decision(interview=self)
            previous = decision.outcome if decision.pk else ""
            decision.outcome, decision.note, decision.decided_by = outcome, note, by
            decision._history_user = by
            decision.save()
            from . import notifications  # imports these models

            notifications.decision_recorded(decision, by=by, previous=previous)
        return decision


# The question's fields copied into an interview when it starts (besides its area).
COPIED_FIELDS = (
    "level",
    "minutes",
    "prompt",
    "probes",
    "strong",
    "average",
    "weak",
    "must_hear",
    "cues",
    "follow_ups",
    "hypothetical",
)


class Answer(models.Model):
    """What one rater recorded of one answer: rating, cues heard, notes; and the rules for them.

    Shared by the interviewer's own record (:class:`InterviewQuestion`) and a co-rater's
    (:class:`CoRating`). ``cues`` are the question's cues; ``cues_heard`` their indexes the rater
    ticked. ``notes_version`` counts saves of the notes, so a save from a stale browser tab can be
    detected instead of overwriting newer notes.
    """

    rating = models.CharField(max_length=10, choices=Rating, blank=True)
    cues_heard = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH)
    notes_version = models.PositiveIntegerField(default=0)
    rated_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__in=[*Rating.values, ""]), name="%(class)s_rating_valid"
            )
        ]

    def apply(self, now: datetime, **change: Unpack[AnswerChange]) -> bool:
        """Put ``change`` (see ``AnswerChange``) on this answer, not saved; ``now`` dates a rating.

        Returns:
            True when the notes conflict (newer elsewhere, not ``overwrite``) and were not put.

        Raises:
            InvalidAnswer: a cue index the question does not have.
        """
        rating, cues, notes = change.get("rating"), change.get("cues"), change.get("notes")
        if cues is not None and any(not 0 <= cue < len(self.cues) for cue in cues):
            raise InvalidAnswer("A ticked cue is not one of the cues of this question.")
        overwrite = change.get("overwrite", False)
        conflict = notes is not None and self._apply_notes(
            notes, change.get("notes_version"), overwrite
        )
        if cues is not None:
            self.cues_heard = sorted(set(cues))
        if rating is not None:
            self.rating = rating
            self.rated_at = now if rating else None
        return conflict

    @property
    def heard_cue_texts(self) -> list[str]:
        """The texts of the cues the rater ticked, in the question's order."""
        heard = set(self.cues_heard)
        return [cue["text"] for index, cue in enumerate(self.cues) if index in heard]

    @property
    def evidence_cues(self) -> list[int]:
        """The indexes of the cues that are evidence (numbers, names, their own doing)."""
        return [i for i, cue in enumerate(self.cues) if cue.get("kind") == "evidence"]

    def _apply_notes(self, notes: str, version: int | None, overwrite: bool) -> bool:
        """Put ``notes`` on the answer unless that would overwrite newer notes (not saved).

        Returns:
            True when the notes conflict: saved elsewhere since ``version`` and not ``overwrite``.
        """
        if notes == self.notes:
            return False
        if version != self.notes_version and not overwrite:
            return True
        self.notes = notes
        self.notes_version += 1
        return False

    @property
    def suggested_rating(self) -> str:
        """The rating the cues heard suggest ("" when no cue was heard).

        The rule (also shown to the interviewer): two thirds or more of the cues heard suggests
        Strong, but only with at least one evidence cue heard when the question has any (ideas
        alone can be rehearsed); one third or more Average, fewer Weak.
        """
        if not self.cues or not self.cues_heard:
            return ""
        share = len(self.cues_heard) / len(self.cues)
        evidence = self.evidence_cues
        if share >= 2 / 3 and (not evidence or set(evidence) & set(self.cues_heard)):
            return Rating.STRONG
        if share >= 1 / 3:
            return Rating.AVERAGE
        return Rating.WEAK


class InterviewQuestion(Answer):
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
    must_hear = models.CharField(max_length=120, blank=True)
    cues = models.JSONField(default=list)
    follow_ups = models.JSONField(default=list)
    hypothetical = models.CharField(max_length=500, blank=True)
    variant = models.PositiveSmallIntegerField(
        default=0, help_text="Which wording was asked: 0 the question's own, 1… its variants."
    )

    history = HistoricalRecords(
        excluded_fields=[
            "question",
            "area_name",
            "area_order",
            *COPIED_FIELDS,
            "variant",
            "notes_version",
            "rated_at",
            "updated_at",
        ],
    )

    class Meta(Answer.Meta):
        ordering = ["interview", "number"]
        constraints = [
            *Answer.Meta.constraints,
            models.UniqueConstraint(fields=["interview", "number"], name="interview_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.interview} #{self.number}"

    @classmethod
    def copy_of(
        cls, question: Question, interview: Interview, number: int, *, variant: int | None = None
    ) -> "InterviewQuestion":
        """An unsaved copy of ``question`` (with its ``area`` loaded) as question ``number``.

        Args:
            question: the bank question.
            interview: the interview it joins.
            number: its place in the interview, from 1.
            variant: which wording to ask: 0 the question's own prompt, ``n`` its ``n``-th
                variant. Default: one picked at random, so a memorised answer does not fit.

        Raises:
            IndexError: ``variant`` is not one of the question's wordings.
        """
        if variant is None:
            variant = secrets.randbelow(len(question.variants) + 1)
        if not 0 <= variant <= len(question.variants):
            raise IndexError(f"question {question.slug} has no variant {variant}")
        copy = cls(
            interview=interview,
            number=number,
            question=question,
            area_name=question.area.name,
            area_order=question.area.order,
            variant=variant,
            **{field: getattr(question, field) for field in COPIED_FIELDS},
        )
        if variant:
            copy.prompt = question.variants[variant - 1]
        return copy

    @property
    def wordings(self) -> int:
        """How many wordings the bank question has (1 when it has no variants, or is gone)."""
        return 1 + len(self.question.variants) if self.question else 1


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
    # The interview's position, kept here so "latest decisions on my positions" is one index.
    position = models.ForeignKey(
        Position, on_delete=models.CASCADE, related_name="decisions", editable=False
    )
    outcome = models.CharField(max_length=10, choices=Outcome)
    note = models.TextField(blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions"
    )
    decided_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["decided_at", "position"])

    class Meta:
        indexes = [models.Index(fields=["position", "-decided_at"], name="decision_newest")]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="decision_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.interview}"

    def save(self, *args: object, **kwargs: object) -> None:
        """Save, taking the position from the interview when it is not set yet."""
        if self.position_id is None:
            self.position_id = self.interview.position_id
        super().save(*args, **kwargs)


class ShortcutPreference(models.Model):
    """One person's workbench keys: on or off, and any key they moved (see interviews.shortcuts).

    ``keys`` maps an action name to the key the person chose; actions not in it keep their
    default key.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shortcut_preference"
    )
    enabled = models.BooleanField("use single-key shortcuts", default=True)
    keys = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Shortcuts of {self.user}"


class NotificationPreference(models.Model):
    """Whether one person wants their notifications by email as well as in the app."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.BooleanField("also email them to me", default=True)

    def __str__(self) -> str:
        return f"Notification preference of {self.user}"


class Notification(models.Model):
    """Something one person should know about: a screening submitted or reopened, a decision,
    or the daily reminder of what waits on them.

    Created in the same transaction as the change it reports (see ``interviews.notifications``),
    so it exists exactly when the change does; its email is sent afterwards by a background task,
    and ``email_status`` follows it from ``pending`` to ``sent`` (or ``off`` when the person turned
    email off or has no address, or ``failed`` after ``EMAIL_ATTEMPTS`` tries).
    """

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Screening submitted"
        DECIDED = "decided", "Decision recorded"
        REOPENED = "reopened", "Screening reopened"
        REMINDER = "reminder", "Daily reminder"
        INVITED = "invited", "Invited to co-rate"
        CO_RATED = "co_rated", "Co-rating submitted"

    class Email(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        OFF = "off", "Not emailed"
        FAILED = "failed", "Could not be sent"

    EMAIL_ATTEMPTS = 5

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=600)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(max_length=8, choices=Email, default=Email.PENDING)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    # When a worker took it to send (another worker leaves it alone for a while after).
    email_claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(
                fields=["created_at"],
                condition=Q(email_status="pending"),
                name="notification_email_pending",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=["submitted", "decided", "reopened", "reminder", "invited", "co_rated"]
                ),
                name="notification_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind="reminder") | Q(interview__isnull=False),
                name="notification_interview_unless_reminder",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        """Where the notification leads: the screening's scorecard (for an invitation, the
        co-rater's own view of it), or the dashboard."""
        if self.interview_id is None:
            return reverse("interviews:dashboard")
        if self.kind == self.Kind.INVITED:
            return reverse("interviews:co_rating", args=[self.interview_id])
        return reverse("interviews:scorecard", args=[self.interview_id])


class Practice(models.Model):
    """One recruiter's run through a kit's practice answers: rate each, then compare with the
    engineer who rated them.

    The practice answers, with their questions' text and guidance, are copied into
    :class:`PracticeAnswer` rows when it starts, so later edits to the bank never change a past
    practice's results.
    """

    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practices"
    )
    kit = models.ForeignKey(Kit, null=True, on_delete=models.SET_NULL, related_name="practices")
    kit_name = models.CharField(max_length=120)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["recruiter", "-started_at"], name="practice_mine")]

    def __str__(self) -> str:
        return f"Practice of {self.kit_name} by {self.recruiter}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:practice", args=[self.pk])

    @classmethod
    def start(cls, *, recruiter, kit: Kit, seed: int | None = None) -> "Practice":
        """Start a practice of ``kit``'s practice answers, in one transaction.

        Each question's answers are shuffled, so their order says nothing about their rating.

        Args:
            recruiter: who practises.
            kit: the kit; its questions' practice answers are copied.
            seed: the shuffle's seed (default: random).

        Returns:
            The saved practice.

        Raises:
            ValueError: none of the kit's questions has practice answers.
        """
        rng = random.Random(seed)
        rows = []
        for kit_question in kit.kit_questions.select_related("question__area"):
            question = kit_question.question
            answers = list(question.practice_answers)
            rng.shuffle(answers)
            rows += [
                PracticeAnswer(
                    question=question,
                    area_name=question.area.name,
                    **{field: getattr(question, field) for field in PRACTICE_COPIED_FIELDS},
                    transcript=answer["transcript"],
                    engineer_rating=answer["rating"],
                    why=answer["why"],
                )
                for answer in answers
            ]
        if not rows:
            raise ValueError(f"The kit {kit} has no practice answers.")
        with transaction.atomic():
            practice = cls.objects.create(recruiter=recruiter, kit=kit, kit_name=kit.name)
            for number, row in enumerate(rows, start=1):
                row.practice, row.number = practice, number
            PracticeAnswer.objects.bulk_create(rows)
        return practice

    def rate(self, number: int, rating: str) -> "PracticeAnswer":
        """Record the recruiter's rating of answer ``number``; the last one finishes the practice.

        A rating once given stands (it is what the recruiter judged before seeing the
        engineer's); rating it again changes nothing.

        Args:
            number: the answer's number in this practice.
            rating: "strong", "average" or "weak".

        Returns:
            The answer, with the rating it holds.

        Raises:
            PracticeAnswer.DoesNotExist: no answer ``number`` in this practice.
            ValueError: ``rating`` is not one of the three.
        """
        if rating not in (Rating.STRONG, Rating.AVERAGE, Rating.WEAK):
            raise ValueError(f"Not a rating: {rating!r}")
        with transaction.atomic():
            answer = self.answers.select_for_update().get(number=number)
            if not answer.rating:
                answer.rating, answer.rated_at = rating, timezone.now()
                answer.save(update_fields=["rating", "rated_at"])
                if not self.answers.filter(rating="").exists():
                    self.finished_at = answer.rated_at
                    type(self).objects.filter(pk=self.pk).update(finished_at=self.finished_at)
        return answer


# The question's fields copied into a practice answer, as into an interview (it shows them).
PRACTICE_COPIED_FIELDS = ("prompt", "strong", "average", "weak", "must_hear")
# A practice answer is rated, never skipped: the engineer's and the recruiter's ratings.
PRACTICE_RATINGS = [Rating.STRONG, Rating.AVERAGE, Rating.WEAK]


class PracticeAnswer(models.Model):
    """A practice answer as given in one practice: the question and its guidance as they were,
    what the candidate said, the engineer's rating and why, and the recruiter's rating (empty
    until they rate it)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="answers")
    number = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question, null=True, on_delete=models.SET_NULL, related_name="practised_answers"
    )
    area_name = models.CharField(max_length=80)
    prompt = models.CharField(max_length=500)
    strong = models.CharField(max_length=600)
    average = models.CharField(max_length=600)
    weak = models.CharField(max_length=600)
    must_hear = models.CharField(max_length=120, blank=True)
    transcript = models.TextField()
    engineer_rating = models.CharField(max_length=10, choices=Rating)
    why = models.TextField()
    rating = models.CharField(max_length=10, choices=Rating, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["practice", "number"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="practice_answer_number"),
            models.CheckConstraint(
                condition=Q(engineer_rating__in=PRACTICE_RATINGS)
                & Q(rating__in=["", *PRACTICE_RATINGS]),
                name="practice_answer_ratings_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.number} of {self.practice}"

    @property
    def matches(self) -> bool:
        """The recruiter gave the engineer's rating."""
        return self.rating == self.engineer_rating


class CoRatingSubmitted(Exception):
    """A change was attempted to a co-rater's ratings after they submitted them."""

    def __init__(self, co_rater: "CoRater") -> None:
        super().__init__("You have submitted your ratings of this screening; they cannot change.")
        self.co_rater = co_rater


class CoRater(models.Model):
    """A second person rating a screening independently: an engineer listening in, or a
    recruiter in training.

    Blind: nobody sees a co-rater's ratings and notes until they submit them, and they see the
    others' only after submitting their own. Once submitted, their ratings count in the
    screening's composite score (the mean over raters) and its agreement figures.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="co_raters")
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="co_ratings"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "rater"], name="co_rater_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rater} co-rating {self.interview}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:co_rating", args=[self.interview_id])

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @classmethod
    def invite(cls, interview: Interview, rater, *, by) -> "CoRater":
        """Invite ``rater`` to co-rate ``interview``; they are notified.

        Args:
            interview: a prepared, in-progress or submitted interview.
            rater: the person invited (not its interviewer; not invited already).
            by: who invites.

        Returns:
            The new co-rater, with one empty rating per question.

        Raises:
            InterviewAbandoned: the interview is abandoned.
            ValueError: ``rater`` is the interviewer or is invited already.
        """
        from . import notifications  # imports these models

        with transaction.atomic():
            interview._lock(editable=False)
            if interview.status == Status.ABANDONED:
                raise InterviewAbandoned(interview)
            if rater.pk == interview.interviewer_id:
                raise ValueError("The interviewer rates the screening already.")
            if cls.objects.filter(interview=interview, rater=rater).exists():
                raise ValueError(f"{notifications.person(rater)} is invited already.")
            co_rater = cls.objects.create(interview=interview, rater=rater, invited_by=by)
            CoRating.objects.bulk_create(
                CoRating(co_rater=co_rater, question=q) for q in interview.questions.all()
            )
            notifications.co_rater_invited(co_rater)
        return co_rater

    def _lock(self) -> None:
        """Lock this co-rater's row and reload its state; raise if they have submitted."""
        self.submitted_at = type(self).objects.select_for_update().get(pk=self.pk).submitted_at
        if self.is_submitted:
            raise CoRatingSubmitted(self)

    def record_answer(self, number: int, **change: Unpack[AnswerChange]) -> "tuple[CoRating, bool]":
        """Save this co-rater's rating, cues and/or notes of question ``number`` (the ``change``
        as in ``Interview.record_answer``).

        Returns:
            ``(co_rating, conflict)``.

        Raises:
            CoRatingSubmitted: they have submitted their ratings.
            CoRating.DoesNotExist: no question ``number``.
            InvalidAnswer: a cue index the question does not have.
        """
        with transaction.atomic():
            self._lock()
            answer = self.ratings.select_related("question").get(question__number=number)
            conflict = answer.apply(timezone.now(), **change)
            answer.save(update_fields=ANSWER_FIELDS)
        return answer, conflict

    def submit(self) -> None:
        """Submit these ratings: they stop changing, count in the composite score, and the
        co-rater may see the others'. The interviewer is notified.

        Raises:
            CoRatingSubmitted: submitted already.
        """
        from . import notifications  # imports these models

        with transaction.atomic():
            self._lock()
            self.submitted_at = timezone.now()
            self.save(update_fields=["submitted_at"])
            self.interview.refresh_composite()
            notifications.co_rating_submitted(self)

    def withdraw(self) -> None:
        """Take back the invitation (only before the co-rater has rated anything).

        Raises:
            CoRatingSubmitted: they have submitted.
            ValueError: they have rated or written notes already.
        """
        with transaction.atomic():
            self._lock()
            if self.ratings.exclude(rating="", notes="").exists():
                raise ValueError("They have started rating; their ratings are kept.")
            self.delete()


class CoRating(Answer):
    """One co-rater's rating, cues and notes for one question of the screening."""

    co_rater = models.ForeignKey(CoRater, on_delete=models.CASCADE, related_name="ratings")
    question = models.ForeignKey(
        InterviewQuestion, on_delete=models.CASCADE, related_name="co_ratings"
    )

    class Meta(Answer.Meta):
        # No default ordering: it would join the question into every read of the ratings; the
        # co-rater's workbench orders by question number where order matters.
        constraints = [
            *Answer.Meta.constraints,
            models.UniqueConstraint(fields=["co_rater", "question"], name="co_rating_once"),
        ]

    def __str__(self) -> str:
        return f"{self.co_rater} #{self.question.number}"

    # The question's text and guidance, as the workbench shows them.
    number = property(lambda self: self.question.number)
    cues = property(lambda self: self.question.cues)
    area_name = property(lambda self: self.question.area_name)
    area_order = property(lambda self: self.question.area_order)
    level = property(lambda self: self.question.level)
    get_level_display = property(lambda self: self.question.get_level_display)
    minutes = property(lambda self: self.question.minutes)
    prompt = property(lambda self: self.question.prompt)
    probes = property(lambda self: self.question.probes)
    strong = property(lambda self: self.question.strong)
    average = property(lambda self: self.question.average)
    weak = property(lambda self: self.question.weak)
    must_hear = property(lambda self: self.question.must_hear)
    follow_ups = property(lambda self: self.question.follow_ups)
    hypothetical = property(lambda self: self.question.hypothetical)
