"""Filters and sorting of a position's review table (django-filter)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from .models import Interview, InterviewRedFlag, Position, Recommendation, Status
from .scorecard import POINTS_SQL


def review_queryset(position: Position, area_names: list[str]) -> QuerySet[Interview]:
    """Each candidate's latest submitted interview for ``position``, with its scores.

    Annotates ``score`` (overall), ``area_<n>`` (score in ``area_names[n]``) and
    ``red_flag_total``; selects the candidate, interviewer and decision. One query.
    """
    newer = Interview.objects.filter(
        candidate=OuterRef("candidate"),
        position=OuterRef("position"),
        status=Status.SUBMITTED,
        submitted_at__gt=OuterRef("submitted_at"),
    )
    flags = (
        InterviewRedFlag.objects.filter(interview=OuterRef("pk"))
        .values("interview")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        Interview.objects.filter(position=position, status=Status.SUBMITTED)
        .exclude(Exists(newer))
        .select_related("candidate", "interviewer", "decision")
        .annotate(
            score=Avg(POINTS_SQL),
            red_flag_total=Coalesce(Subquery(flags, output_field=IntegerField()), 0),
            **{
                f"area_{n}": Avg(POINTS_SQL, filter=Q(questions__area_name=name))
                for n, name in enumerate(area_names)
            },
        )
    )


def review_areas(position: Position) -> list[tuple[str, str]]:
    """The areas asked about in the position's submitted interviews, as (column key, name)."""
    names = (
        Interview.objects.filter(position=position, status=Status.SUBMITTED)
        .values_list("questions__area_name", "questions__area_order")
        .distinct()
    )
    ordered = sorted({(order, name) for name, order in names if name})
    return [(f"area_{n}", name) for n, (_, name) in enumerate(ordered)]


class ReviewFilter(django_filters.FilterSet):
    """Filter by recommendation, decision, red flags, interviewer and date; sort by any column."""

    recommendation = django_filters.ChoiceFilter(
        choices=Recommendation.choices, empty_label="Any recommendation"
    )
    decision = django_filters.ChoiceFilter(
        choices=[("none", "Not decided yet"), *Recommendation.choices],
        method="filter_decision",
        empty_label="Any decision",
    )
    red_flags = django_filters.ChoiceFilter(
        label="Red flags",
        choices=[("any", "With red flags"), ("none", "Without red flags")],
        method="filter_red_flags",
        empty_label="With or without",
    )
    interviewer = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.none(), empty_label="Any interviewer"
    )
    submitted_from = django_filters.DateFilter(
        field_name="submitted_at",
        lookup_expr="date__gte",
        label="Screened from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    submitted_until = django_filters.DateFilter(
        field_name="submitted_at",
        lookup_expr="date__lte",
        label="Screened until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Interview
        fields: list[str] = []

    def __init__(self, *args, position: Position, areas: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        self.filters["interviewer"].queryset = (
            get_user_model()
            .objects.filter(interviews__position=position, interviews__status=Status.SUBMITTED)
            .distinct()
            .order_by("first_name", "email")
        )
        self.filters["interviewer"].field.label_from_instance = lambda user: (
            user.get_full_name() or user.email
        )
        self.sort_keys = {
            "candidate": "candidate__name",
            "score": "score",
            **{f"area-{slugify(name)}": key for key, name in areas},
            "red-flags": "red_flag_total",
            "recommendation": "recommendation",
            "decision": "decision__outcome",
            "interviewer": "interviewer__email",
            "screened": "submitted_at",
        }
        sort = django_filters.OrderingFilter(
            fields=[(field, key) for key, field in self.sort_keys.items()],
            label="Sort by",
        )
        sort.model, sort.parent = Interview, self
        self.filters["sort"] = sort

    def filter_decision(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """ "none": no decision yet; otherwise decisions with that outcome."""
        if value == "none":
            return queryset.filter(decision__isnull=True)
        return queryset.filter(decision__outcome=value)

    def filter_red_flags(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """ "any": at least one red flag; "none": no red flag."""
        return (
            queryset.filter(red_flag_total__gt=0)
            if value == "any"
            else queryset.filter(red_flag_total=0)
        )
