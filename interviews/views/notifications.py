"""Notifications (/notifications/): what happened to the screenings and decisions that concern
the signed-in person, and whether they want it by email too."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import NotificationPreferenceForm
from ..models import Notification, NotificationPreference

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    """List the signed-in person's notifications, newest first, unread ones marked; a POST saves
    their email preference.

    A notification is read once its screening's scorecard (or, for a reminder, the dashboard)
    is opened, or when "Mark all as read" is pressed.
    """
    preference = NotificationPreference.objects.filter(user=request.user).first()
    form = NotificationPreferenceForm(
        # Bound on every POST: an unticked box alone posts nothing (the token aside).
        request.POST if request.method == "POST" else None,
        instance=preference or NotificationPreference(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            NotificationPreference.objects.update_or_create(
                user=request.user, defaults={"email": form.cleaned_data["email"]}
            )
        messages.success(
            request,
            "Notifications will be emailed to you too."
            if form.cleaned_data["email"]
            else "Notifications will no longer be emailed to you.",
        )
        return redirect("interviews:notification_list")
    page = Paginator(
        Notification.objects.filter(recipient=request.user).select_related("interview__candidate"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "interviews/notification_list.html",
        {"page": page, "form": form, "has_email": bool(request.user.email)},
    )


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    """Mark every unread notification of the signed-in person as read."""
    marked = Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(
        request,
        f"Marked {marked} notification{'s' if marked != 1 else ''} as read."
        if marked
        else "Nothing was unread.",
    )
    return redirect("interviews:notification_list")
