"""URLs of the interviews app."""

from django.urls import path

from .views import bank, decoder, people, review, screening

app_name = "interviews"

urlpatterns = [
    path("", bank.dashboard, name="dashboard"),
    path("bank/", bank.bank, name="bank"),
    path("bank/<slug:slug>/", bank.question_detail, name="question_detail"),
    path("candidates/", people.candidate_list, name="candidate_list"),
    path("candidates/new/", people.candidate_edit, name="candidate_new"),
    path("candidates/<int:pk>/", people.candidate_detail, name="candidate_detail"),
    path("candidates/<int:pk>/edit/", people.candidate_edit, name="candidate_edit"),
    path("positions/", people.position_list, name="position_list"),
    path("positions/new/", people.position_edit, name="position_new"),
    path("positions/<int:pk>/edit/", people.position_edit, name="position_edit"),
    path("decoder/", decoder.decoder, name="decoder"),
    path("decoder/start/", decoder.start_from_resume, name="start_from_resume"),
    path("interviews/new/", screening.interview_new, name="interview_new"),
    path("interviews/<int:pk>/", screening.workbench, name="workbench"),
    path("interviews/<int:pk>/q/<int:number>/", screening.workbench, name="question"),
    path("interviews/<int:pk>/q/<int:number>/answer/", screening.answer, name="answer"),
    path("interviews/<int:pk>/red-flags/", screening.red_flags, name="red_flags"),
    path("interviews/<int:pk>/clock/", screening.clock, name="clock"),
    path("interviews/<int:pk>/finish/", screening.finish, name="finish"),
    path("interviews/<int:pk>/scorecard/", review.scorecard, name="scorecard"),
    path("interviews/<int:pk>/scorecard.csv", review.scorecard_csv, name="scorecard_csv"),
    path("interviews/<int:pk>/decision/", review.decide, name="decide"),
    path("interviews/<int:pk>/reopen/", review.reopen, name="reopen"),
    path("positions/<int:pk>/", review.position_review, name="position_review"),
    path("positions/<int:pk>/review.csv", review.review_csv, name="review_csv"),
    path("positions/<int:pk>/compare/", review.compare, name="compare"),
]
