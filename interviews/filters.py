"""Filters and sorting of a position's review table (django-filter)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count, FloatField, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils.text import slugify

from .forms import FilterForm
from .models import Interview, Outcome, Position, Status


def review_queryset(position: Position, area_names: list[str]) -> QuerySet[Interview]:
    """Each candidate's latest submitted interview for ``position``, with its scores.

    Scores and red-flag counts are stored at submission (``Interview.submit``), so this is one
    indexed query however many interviews the position has. Annotates ``area_<n>``, the score
    in ``area_names[n]``, for sorting and the table's columns; selects the candidate,
    interviewer and decision.
    """
    return (
        Interview.objects.filter(position=position, status=Status.SUBMITTED, is_latest=True)
        .select_related("candidate", "interviewer", "decision")
        .annotate(
            **{
                f"area_{n}": Cast(KeyTextTransform(name, "area_scores"), FloatField())
                for n, name in enumerate(area_names)
            }
        )
    )


def review_areas(position: Position) -> list[tuple[str, str]]:
    """The areas asked about in the position's submitted interviews, as (column key, name)."""
    return [(f"area_{n}", name) for n, (_, name) in enumerate(position.areas_asked)]


class ReviewFilter(django_filters.FilterSet):
    """Filter by kit, recommendation, decision, red flags, interviewer and date; sort by any
    column."""

    kit = django_filters.ChoiceFilter(
        field_name="kit_name", label="Kit", choices=[], empty_label="Any kit"
    )
    recommendation = django_filters.ChoiceFilter(
        choices=Outcome.choices, empty_label="Any recommendation"
    )
    decision = django_filters.ChoiceFilter(
        choices=[("none", "Not decided yet"), *Outcome.choices],
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
        form = FilterForm

    def __init__(self, *args, position: Position, areas: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        interviewers = Interview.objects.filter(position=position, status=Status.SUBMITTED).values(
            "interviewer_id"
        )
        self.filters["interviewer"].queryset = (
            get_user_model().objects.filter(pk__in=interviewers).order_by("first_name", "email")
        )
        self.filters["interviewer"].field.label_from_instance = lambda user: (
            user.get_full_name() or user.email
        )
        # Each kit the position's candidates were screened with, and how many (one query,
        # answered from the interview_kits index alone: COUNT(*), not COUNT(id)).
        self.kit_totals = list(
            Interview.objects.filter(position=position, status=Status.SUBMITTED, is_latest=True)
            .order_by("kit_name")
            .values_list("kit_name")
            .annotate(total=Count("*"))
        )
        self.filters["kit"].extra["choices"] = [(name, name) for name, _ in self.kit_totals]
        self.sort_keys = {
            "candidate": "candidate__name",
            "kit": "kit_name",
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
