"""URLs of the interviews app; each group is served by the view module named after it."""

from django.urls import path

from .views import (
    bank,
    calibration,
    candidates,
    co_rating,
    dashboard,
    decoder,
    interviews,
    notifications,
    positions,
    practice,
    preferences,
    scorecards,
    statistics,
)

app_name = "interviews"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("bank/", bank.bank, name="bank"),
    path("bank/<slug:slug>/", bank.question_detail, name="question_detail"),
    path("candidates/", candidates.candidate_list, name="candidate_list"),
    path("candidates/new/", candidates.candidate_edit, name="candidate_new"),
    path("candidates/pick/", candidates.candidate_pick, name="candidate_pick"),
    path("candidates/<int:pk>/", candidates.candidate_detail, name="candidate_detail"),
    path("candidates/<int:pk>/edit/", candidates.candidate_edit, name="candidate_edit"),
    path("positions/", positions.position_list, name="position_list"),
    path("positions/new/", positions.position_edit, name="position_new"),
    path("positions/<int:pk>/", positions.position_review, name="position_review"),
    path("positions/<int:pk>/edit/", positions.position_edit, name="position_edit"),
    path("positions/<int:pk>/review.csv", positions.review_csv, name="review_csv"),
    path("positions/<int:pk>/compare/", positions.compare, name="compare"),
    path("preferences/", preferences.preferences, name="preferences"),
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("notifications/read/", notifications.mark_all_read, name="notifications_read"),
    path("practice/", practice.practice_list, name="practice_list"),
    path("practice/<int:pk>/", practice.practice_detail, name="practice"),
    path("practice/<int:pk>/answers/<int:number>/", practice.practice_rate, name="practice_rate"),
    path("statistics/questions/", statistics.questions, name="question_statistics"),
    path("calibration/", calibration.calibration_index, name="calibration"),
    path("calibration/<int:user_id>/", calibration.calibration_person, name="calibration_person"),
    path("decoder/", decoder.decoder, name="decoder"),
    path("decoder/start/", decoder.start_from_resume, name="start_from_resume"),
    path("interviews/new/", interviews.interview_new, name="interview_new"),
    path("interviews/<int:pk>/", interviews.workbench, name="workbench"),
    path("interviews/<int:pk>/q/<int:number>/", interviews.workbench, name="question"),
    path("interviews/<int:pk>/q/<int:number>/answer/", interviews.answer, name="answer"),
    path("interviews/<int:pk>/answers/", interviews.answer, name="answers"),
    path("interviews/<int:pk>/red-flags/", interviews.red_flags, name="red_flags"),
    path("interviews/<int:pk>/clock/", interviews.clock, name="clock"),
    path("interviews/<int:pk>/finish/", interviews.finish, name="finish"),
    path("interviews/<int:pk>/abandon/", interviews.abandon, name="abandon"),
    path("interviews/<int:pk>/co-raters/", co_rating.co_raters, name="co_raters"),
    path("interviews/<int:pk>/co-rating/", co_rating.co_rating, name="co_rating"),
    path(
        "interviews/<int:pk>/co-rating/q/<int:number>/",
        co_rating.co_rating,
        name="co_rating_question",
    ),
    path(
        "interviews/<int:pk>/co-rating/q/<int:number>/answer/",
        co_rating.co_rating_answer,
        name="co_rating_answer",
    ),
    path(
        "interviews/<int:pk>/co-rating/answers/",
        co_rating.co_rating_answer,
        name="co_rating_answers",
    ),
    path(
        "interviews/<int:pk>/co-rating/submit/", co_rating.co_rating_submit, name="co_rating_submit"
    ),
    path("interviews/<int:pk>/scorecard/", scorecards.scorecard, name="scorecard"),
    path("interviews/<int:pk>/scorecard.csv", scorecards.scorecard_csv, name="scorecard_csv"),
    path("interviews/<int:pk>/decision/", scorecards.decide, name="decide"),
    path("interviews/<int:pk>/reopen/", scorecards.reopen, name="reopen"),
]
