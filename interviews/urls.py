"""URLs of the interviews app."""

from django.urls import path

from . import views

app_name = "interviews"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bank/", views.bank, name="bank"),
    path("bank/<slug:slug>/", views.question_detail, name="question_detail"),
]
