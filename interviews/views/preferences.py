"""Preferences (/preferences/): each person's workbench keys."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..forms import ShortcutsForm
from ..models import ShortcutPreference
from ..shortcuts import keys_of


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Turn the workbench's single-key shortcuts off or on, or change their keys."""
    preference = ShortcutPreference.objects.filter(user=request.user).first()
    current = keys_of(preference)
    form = ShortcutsForm(
        request.POST or None, initial={"enabled": current["enabled"], **current["keys"]}
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            ShortcutPreference.objects.update_or_create(
                user=request.user,
                defaults={"enabled": form.cleaned_data["enabled"], "keys": form.keys()},
            )
        messages.success(request, "Saved your keyboard shortcuts.")
        return redirect("interviews:preferences")
    return render(request, "interviews/preferences.html", {"form": form})
