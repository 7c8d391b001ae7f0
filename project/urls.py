"""Top-level URLs: the apps, accounts (allauth) and the Django admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("interviews.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
