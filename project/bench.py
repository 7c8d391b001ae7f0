"""Baseline views for ``make bench``: what bare Django costs on this server, for comparison.

Served only when ``DJANGO_BENCHMARK_VIEWS`` is set (``benchmarks/run.py`` sets it), by the same
gunicorn workers as the app, so the app's paths can be given as ratios of these. The first three
touch no session and need no sign-in: the cost of the app's own middleware is in both. The two
signed-in ones do the same work behind what every app path pays besides: the session, the
signed-in user and (for the POST) the CSRF check, so the report can show that floor.
"""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from interviews.models import Interview, InterviewQuestion


def _update(pk: int) -> HttpResponse:
    InterviewQuestion.objects.filter(pk=pk).update(updated_at=timezone.now())
    return HttpResponse(
        '<div id="notes-status" class="flex min-h-6 flex-col gap-2 text-sm" role="status" '
        'aria-live="polite"><input type="hidden" name="notes_version" value="1"><p class="text-'
        f'zinc-600" data-save-state="saved">Saved at {timezone.now():%H:%M:%S}</p></div>' + " " * 40
    )


def _template(request: HttpRequest) -> HttpResponse:
    items = [{"number": n, "name": f"Item {n}", "rating": "strong"} for n in range(1, 21)]
    return render(request, "bench/template_loop.html", {"items": items})


@csrf_exempt
@login_not_required
def update_fragment(request: HttpRequest, pk: int) -> HttpResponse:
    """One indexed UPDATE, answered by a fragment of about 300 bytes."""
    return _update(pk)


@login_not_required
def template_loop(request: HttpRequest) -> HttpResponse:
    """A template of about 3 KB with a loop over 20 items."""
    return _template(request)


@require_POST
def signed_in_update(request: HttpRequest, pk: int) -> HttpResponse:
    """:func:`update_fragment` for a signed-in user, past the CSRF check (POST only)."""
    return _update(pk)


def signed_in_template(request: HttpRequest) -> HttpResponse:
    """:func:`template_loop` for a signed-in user."""
    return _template(request)


@login_not_required
def select_related_list(request: HttpRequest, position: int) -> HttpResponse:
    """The newest 50 submitted interviews of a position, with their people (one query)."""
    rows = (
        Interview.objects.filter(position_id=position, status="submitted")
        .select_related("candidate", "interviewer")
        .order_by("-submitted_at")[:50]
    )
    return render(request, "bench/list.html", {"rows": rows})


@login_not_required
def database_time(request: HttpRequest) -> HttpResponse:
    """How the database connection is configured (so the report can say)."""
    return HttpResponse(connection.vendor, content_type="text/plain")


urlpatterns = [
    path("bench/update/<int:pk>/", update_fragment),
    path("bench/template/", template_loop),
    path("bench/signed-in/update/<int:pk>/", signed_in_update),
    path("bench/signed-in/template/", signed_in_template),
    path("bench/list/<int:position>/", select_related_list),
    path("bench/vendor/", database_time),
]
