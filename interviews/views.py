"""Views of the interviews app.

Every view requires a signed-in user: ``LoginRequiredMiddleware`` enforces it project-wide, so a
new view cannot forget it; per-object access is checked in each view.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show the signed-in user's home page: what each of their roles does and where to start."""
    return render(request, "interviews/dashboard.html")
