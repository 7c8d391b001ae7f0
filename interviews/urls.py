"""URLs of the interviews app."""

from django.urls import path

from . import views

app_name = "interviews"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
