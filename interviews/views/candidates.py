"""Candidates (/candidates/…): the list, one candidate, and the create/edit form."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from glossary.http import render_page_or_partial

from ..access import get_candidate_for_editing, require_screener
from ..forms import CandidateForm, CandidatePicker, pick_candidates
from ..models import Candidate


@require_GET
def candidate_list(request: HttpRequest) -> HttpResponse:
    """List candidates, newest first, searchable by name or email (htmx gets the results only)."""
    require_screener(request)
    query = request.GET.get("q", "").strip()[:100]
    candidates = (
        Candidate.objects.search(query)
        .annotate(interview_total=Count("interviews"), last_interview=Max("interviews__created_at"))
        .order_by("-created_at")[:200]
    )
    context = {"candidates": candidates, "query": query}
    return render_page_or_partial(request, "interviews/candidate_list.html", context, "results")


@require_http_methods(["GET", "POST"])
def candidate_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create a candidate (no ``pk``) or edit one; then offer to start an interview."""
    candidate = get_candidate_for_editing(request, pk) if pk else None
    if candidate is None:
        require_screener(request)
    form = CandidateForm(request.POST or None, instance=candidate)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            if candidate is None:
                saved.created_by = request.user
            saved.save()
        messages.success(request, f"Saved {saved.name}.")
        return redirect("interviews:candidate_detail", pk=saved.pk)
    return render(request, "interviews/candidate_form.html", {"form": form, "candidate": candidate})


@require_GET
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a candidate, their links and interviews, with a button to start an interview."""
    candidate = get_candidate_for_editing(request, pk)
    interviews = candidate.interviews.select_related("position", "interviewer").with_progress()
    return render(
        request,
        "interviews/candidate_detail.html",
        {"candidate": candidate, "interviews": interviews},
    )


@require_GET
def candidate_pick(request: HttpRequest) -> HttpResponse:
    """The candidate picker's options for what was typed (htmx, as the recruiter types)."""
    require_screener(request)
    form = forms.Form(request.GET)
    form.fields["candidate"] = forms.ModelChoiceField(
        queryset=Candidate.objects.none(),
        widget=CandidatePicker(allow_new=request.GET.get("allow_new") == "1"),
    )
    pick_candidates(form)
    picker = form.fields["candidate"].widget
    context = picker.get_context("candidate", request.GET.get("candidate"), {"id": "id_candidate"})
    return render(request, "interviews/widgets/candidate_options.html", context)
