"""Top-level URLs: the apps, accounts (allauth) and the Django admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path


@login_not_required
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Redirect /favicon.ico, which browsers ask for on pages naming no icon (the admin's)."""
    return HttpResponseRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("", include("interviews.urls")),
    path("glossary/", include("glossary.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
]

if settings.BENCHMARK_VIEWS:  # baselines for `make bench` only (see project/bench.py)
    from .bench import urlpatterns as bench_urls

    urlpatterns += bench_urls
