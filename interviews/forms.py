"""Forms of the interviews app."""

import json
import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from glossary.forms import FilteredSelect, LinesField, check_review_dates
from glossary.models import Area
from glossary.resumes import MAX_BYTES, SUPPORTED, ResumeError, read_resume

from .models import (
    NOTES_MAX_LENGTH,
    AnswerChange,
    Candidate,
    Decision,
    Interview,
    Kit,
    Level,
    NotificationPreference,
    Outcome,
    Position,
    Question,
    Rating,
    RedFlag,
)
from .roles import HIRING_MANAGER, ROLES
from .shortcuts import ACTIONS


class FilterForm(forms.Form):
    """A form of filters: every field is optional, so none is marked "(optional)"."""

    optional_marks = False


class BankFilterForm(FilterForm):
    """Filters of the question-bank list: text search, area and level (all optional)."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"placeholder": "Words in the question or its guidance"}),
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All areas",
    )
    level = forms.ChoiceField(choices=[("", "All levels"), *Level.choices], required=False)


def _reveal(form: forms.Form, name: str) -> None:
    """Show a confirming checkbox that stays hidden until a warning asks for it."""
    form.fields[name].widget = forms.CheckboxInput()


def duplicates_warning(found: "list[tuple[Candidate, str]]", advice: str) -> SafeString:
    """The message for candidates who may be the person being added, with links to them.

    Args:
        found: ``(candidate, reason)`` pairs from ``Candidate.objects.duplicates``.
        advice: what to do about it, as a sentence.
    """
    people = format_html_join(
        "; ",
        '<a href="{}">{}</a> (same {})',
        (
            (reverse("interviews:candidate_detail", args=[c.pk]), c.label, reason)
            for c, reason in found
        ),
    )
    lead = "This may be someone already added" if len(found) == 1 else "This may be one of"
    return format_html("{}: {}. {}", lead, people, advice)


def open_interviews_warning(candidate: Candidate, user) -> SafeString | None:
    """Say which interviews of ``candidate`` are prepared or in progress, or None if none are.

    The interviewer's own ones link to their workbench, to resume instead of starting again.
    """
    running = list(
        Interview.objects.open()
        .filter(candidate=candidate)
        .select_related("position", "interviewer")
        .with_progress()
        .order_by("-created_at")[:3]
    )
    if not running:
        return None
    lines = []
    for interview in running:
        who = interview.interviewer.get_full_name() or interview.interviewer.email
        state = "prepared" if interview.is_draft else "in progress"
        line = format_html(
            "{} for {}, with {} ({} of {} rated, {})",
            state,
            interview.position.title,
            "you" if interview.interviewer == user else who,
            interview.answered_total,
            interview.question_total,
            interview.created_at.strftime("%-d %b"),
        )
        if interview.interviewer == user:
            line = format_html('{}: <a href="{}">resume it</a>', line, interview.get_absolute_url())
        lines.append(line)
    return format_html(
        "{} already has an interview {}. To start another one as well, tick “Start a new "
        "interview anyway”.",
        candidate.name,
        format_html_join("; and one ", "{}", ((line,) for line in lines)),
    )


def complete_link(link: str) -> str:
    """A web address as typed, with ``https://`` in front when it has no scheme
    ("github.com/name" gives "https://github.com/name")."""
    if "://" in link or link.lower().startswith(("mailto:", "tel:", "javascript:", "data:")):
        return link
    return "https://" + link.removeprefix("//")


class CandidateForm(forms.ModelForm):
    """Create or edit a candidate; links are typed one per line and must be web addresses.

    A candidate who may already exist (same email, or same name and phone) is named with a
    link, and saved only once "This is a different person" is ticked.
    """

    links = LinesField(
        required=False,
        max_length=300,
        help_text="GitHub, portfolio, LinkedIn… one web address per line.",
    )
    different_person = forms.BooleanField(
        required=False,
        label="This is a different person: save anyway",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Candidate
        fields = ("name", "email", "phone", "links", "resume_text")
        widgets = {"resume_text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "resume_text": "Paste the résumé as text. Only people who can see the "
            "candidate can read it."
        }

    def clean_links(self) -> list[str]:
        """Check every line is an http(s) address; "github.com/name" gets ``https://``."""
        validate = URLValidator(schemes=["http", "https"])
        links = []
        for typed in self.cleaned_data["links"]:
            link = complete_link(typed)
            try:
                validate(link)
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    f"“{typed}” is not a web address (like https://github.com/name)."
                ) from exc
            links.append(link)
        return links

    def clean(self) -> dict:
        """Warn of a candidate who may be this one, unless told it is a different person."""
        data = super().clean()
        if data.get("different_person") or not data.get("name"):
            return data
        found = Candidate.objects.exclude(pk=self.instance.pk).duplicates(
            name=data["name"], email=data.get("email") or "", phone=data.get("phone") or ""
        )
        if found:
            advice = "Open them instead, or tick “This is a different person” to save anyway."
            field = "email" if found[0][1] == "email" else "name"
            self.add_error(field, duplicates_warning(found, advice))
            _reveal(self, "different_person")
        return data


class PositionForm(forms.ModelForm):
    """Create or edit a position; hiring managers are chosen among users with that role."""

    class Meta:
        model = Position
        fields = ("title", "level", "default_kit", "hiring_managers", "is_open")
        widgets = {"hiring_managers": forms.CheckboxSelectMultiple}
        help_texts = {
            "default_kit": "New interviews for this position use this kit unless you pick one.",
            "is_open": "Closed positions keep their scorecards but take no new interviews.",
        }

    def __init__(self, *args: object, with_managers: bool = True, **kwargs: object) -> None:
        """``with_managers``: offer the hiring managers (False leaves them as they are)."""
        super().__init__(*args, **kwargs)
        if not with_managers:
            del self.fields["hiring_managers"]
            self.managers_note = (
                "Only a Question-bank admin can change an existing position's hiring managers: "
                "they decide who reads its scorecards."
            )
            return
        self.managers_note = ""
        self.fields["hiring_managers"].queryset = (
            get_user_model()
            .objects.filter(groups__name=HIRING_MANAGER, is_active=True)
            .order_by("first_name", "email")
        )
        self.fields["hiring_managers"].label_from_instance = lambda u: u.get_full_name() or u.email


class CandidatePicker(forms.RadioSelect):
    """Choose a candidate from a search, never from a list of every candidate.

    Renders a search box (htmx fetches matching candidates as you type; without JavaScript its
    Find button posts the form back with ``find`` set) and at most ten candidates to choose from.
    The form sets ``query`` and the (bounded) ``choices``; the field's queryset still validates
    any candidate id.
    """

    template_name = "interviews/widgets/candidate_picker.html"
    option_template_name = "django/forms/widgets/radio_option.html"

    def __init__(self, *args: object, allow_new: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.allow_new = allow_new
        self.query = ""

    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        """The radio options, plus the search box's query, URL and whether a new one is offered."""
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            query=self.query,
            allow_new=self.allow_new,
            matches=sum(1 for value, _ in self.choices if value != ""),
            search_url=reverse("interviews:candidate_pick"),
        )
        return context


def check_open_interviews(form: forms.Form, data: dict) -> None:
    """Part of a start form's ``clean``: unless ``start_anyway`` is ticked, put the warning of
    the chosen candidate's open interviews (if any) next to the candidate, with the box to tick.
    """
    candidate = data.get("candidate")
    if candidate is None or data.get("start_anyway"):
        return
    warning = open_interviews_warning(candidate, form.user)
    if warning:
        form.add_error("candidate", warning)
        _reveal(form, "start_anyway")


def pick_candidates(form: forms.Form, field: str = "candidate") -> None:
    """Give ``form``'s candidate picker the candidates matching what was typed (at most ten)."""
    data = form.data if form.is_bound else form.initial
    query = str(data.get("candidate_search") or "").strip()[:100]
    selected = data.get(field) or form.initial.get(field)
    picker = form.fields[field].widget
    picker.query = query
    options = [(c.pk, c.label) for c in Candidate.objects.pick(query, selected)]
    picker.choices = ([("", "A new candidate (name below)")] if picker.allow_new else []) + options


class InterviewStartForm(forms.Form):
    """Start an interview: who, for which open position, with which kit."""

    candidate = forms.ModelChoiceField(
        queryset=Candidate.objects.all(),
        widget=CandidatePicker,
        error_messages={"required": "Choose the candidate: type a name to find them."},
    )
    position = forms.ModelChoiceField(
        queryset=Position.objects.filter(is_open=True),
        empty_label="Choose the position…",
        error_messages={"required": "Choose the position this interview is for."},
    )
    kit = forms.ModelChoiceField(
        queryset=Kit.objects.all(),
        required=False,
        empty_label="The position's default kit",
        help_text="The questions you will ask and the time they take.",
    )
    start_anyway = forms.BooleanField(
        required=False, label="Start a new interview anyway", widget=forms.HiddenInput
    )

    def __init__(self, *args: object, user=None, **kwargs: object) -> None:
        """``user``: who is starting it (their own open interviews are offered to resume)."""
        super().__init__(*args, **kwargs)
        self.user = user
        pick_candidates(self)
        if not self.is_bound and not self.initial.get("position"):
            only = list(self.fields["position"].queryset[:2])
            if len(only) == 1:  # one open position: nothing to choose
                self.initial["position"] = only[0].pk

    def clean(self) -> dict:
        """Fill in the position's default kit; refuse an empty kit; say so if the candidate has
        an interview prepared or in progress already."""
        data = super().clean()
        check_open_interviews(self, data)
        position, kit = data.get("position"), data.get("kit")
        if position and not kit:
            if position.default_kit is None:
                self.add_error("kit", "This position has no default kit: choose one.")
            else:
                data["kit"] = position.default_kit
        if data.get("kit") and not data["kit"].kit_questions.exists():
            self.add_error("kit", "This kit has no questions yet.")
        return data


QUESTION_NUMBER = {
    "min_value": 1,
    "max_value": 999,
    "error_messages": {
        "invalid": "The question number is not valid.",
        "min_value": "The question number is not valid.",
        "max_value": "The question number is not valid.",
        "required": "The question number is missing.",
    },
}
MAX_CUES = 50  # more than any question has; the interview checks the question's own count


class AnswerForm(forms.Form):
    """What the interviewer records for one question. ``parts`` names the fields being saved:
    a rating click sends only the rating, a typed note only the notes and their version, and the
    no-JavaScript form sends everything."""

    PARTS = ("rating", "cues", "notes")

    parts = forms.MultipleChoiceField(choices=[(p, p) for p in PARTS], required=False)
    rating = forms.ChoiceField(choices=[("", "None"), *Rating.choices], required=False)
    cues = forms.TypedMultipleChoiceField(
        coerce=int, required=False, choices=[(str(i), str(i)) for i in range(MAX_CUES)]
    )
    notes = forms.CharField(
        max_length=NOTES_MAX_LENGTH, required=False, strip=False, widget=forms.Textarea
    )
    notes_version = forms.IntegerField(min_value=0, max_value=2**31 - 1, required=False)
    overwrite = forms.BooleanField(required=False)
    # The question, for the workbench's rating buttons, which stay on the page from question to
    # question and post to one URL for all of them (a question's own URL needs none).
    number = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        error_messages={"required": "Say which question this answers (number)."},
    )

    def __init__(self, *args, needs_number: bool = False, **kwargs) -> None:
        """``needs_number``: the URL names no question, so ``number`` must be posted."""
        super().__init__(*args, **kwargs)
        self.fields["number"].required = needs_number

    def clean(self) -> dict:
        """Work out which parts are being saved; the notes need the version they were based on.

        A submission without ``parts`` is the whole form (no JavaScript): cues and notes, plus
        the rating only if a rating button sent one, so "Save cues and notes" keeps the rating.
        """
        data = super().clean()
        if not data.get("parts"):
            data["parts"] = ["cues", "notes"] + (["rating"] if "rating" in self.data else [])
        if "notes" in data["parts"] and data.get("notes_version") is None:
            self.add_error("notes_version", "Missing the version of the notes being edited.")
        return data

    def changes(self) -> AnswerChange:
        """The change for ``Interview.record_answer`` (after ``is_valid``)."""
        data, parts = self.cleaned_data, set(self.cleaned_data["parts"])
        return {
            "rating": data["rating"] if "rating" in parts else None,
            "cues": data["cues"] if "cues" in parts else None,
            "notes": data["notes"] if "notes" in parts else None,
            "notes_version": data.get("notes_version"),
            "overwrite": data["overwrite"],
        }


class ClockForm(forms.Form):
    """Pause or resume the clock; ``number`` is the question to come back to."""

    action = forms.ChoiceField(
        choices=[("pause", "Pause"), ("resume", "Resume")],
        error_messages={
            "invalid_choice": "Choose pause or resume.",
            "required": "Choose pause or resume.",
        },
    )
    number = forms.IntegerField(required=False, **QUESTION_NUMBER)


class RedFlagsForm(forms.Form):
    """Which red flags are ticked, with an optional note each (the whole set at once)."""

    number = forms.IntegerField(required=False, **QUESTION_NUMBER)

    def __init__(self, *args: object, red_flags: list[RedFlag], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.red_flags = red_flags
        for flag in red_flags:
            self.fields[f"flag-{flag.slug}"] = forms.BooleanField(required=False, label=flag.name)
            self.fields[f"note-{flag.slug}"] = forms.CharField(
                required=False, max_length=300, label=f"Note on “{flag.name}”"
            )

    def chosen(self) -> dict[RedFlag, str]:
        """The ticked flags, each with its note (after ``is_valid``)."""
        return {
            flag: self.cleaned_data[f"note-{flag.slug}"].strip()
            for flag in self.red_flags
            if self.cleaned_data[f"flag-{flag.slug}"]
        }


class FinishForm(forms.ModelForm):
    """The interviewer's recommendation and summary, both required to submit."""

    class Meta:
        model = Interview
        fields = ("recommendation", "summary")
        widgets = {
            "recommendation": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"summary": "Summary for the hiring manager"}
        help_texts = {
            "summary": "Two or three sentences: strengths, gaps and why you recommend this.",
        }
        error_messages = {
            "recommendation": {"required": "Choose Advance, Hold or Decline."},
            "summary": {"required": "Write a short summary: the hiring manager reads it first."},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].required = True
        self.fields["recommendation"].choices = Outcome.choices
        self.fields["summary"].required = True


class DecisionForm(forms.ModelForm):
    """A hiring manager's decision: Advance, Hold or Decline, with an optional note."""

    class Meta:
        model = Decision
        fields = ("outcome", "note")
        widgets = {"outcome": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
        labels = {"outcome": "Your decision", "note": "Note"}
        help_texts = {"note": "Why, and what happens next. The recruiter sees it too."}
        error_messages = {"outcome": {"required": "Choose Advance, Hold or Decline."}}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = Outcome.choices


class ReopenForm(forms.Form):
    """Why a submitted interview is being reopened (kept in its history)."""

    reason = forms.CharField(
        max_length=300,
        label="Reason for reopening",
        help_text="Kept in the scorecard's history, e.g. “Rated question 4 by mistake”.",
        error_messages={"required": "Say why you are reopening it: it is kept in the history."},
    )


class AbandonForm(forms.Form):
    """Why an interview is being abandoned: a common reason, or another one in words."""

    REASONS = [
        ("no-show", "The candidate did not join the call"),
        ("withdrew", "The candidate withdrew"),
        ("cut-short", "The call could not go on (connection, audio or time)"),
        ("mistake", "Started by mistake, or twice"),
        ("other", "Another reason"),
    ]
    reason = forms.ChoiceField(
        choices=REASONS,
        widget=forms.RadioSelect,
        label="Why are you abandoning it?",
        error_messages={"required": "Choose why: it is kept with the interview."},
    )
    details = forms.CharField(
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything the next person should know, e.g. “Rebooked for Tuesday”. "
        "Needed for “Another reason”.",
    )

    def clean(self) -> dict:
        """Another reason needs its details."""
        data = super().clean()
        if data.get("reason") == "other" and not data.get("details", "").strip():
            self.add_error("details", "Say what the reason is.")
        return data

    def reason_text(self) -> str:
        """The reason as kept with the interview, e.g. "The candidate withdrew: took an offer"."""
        text = dict(self.REASONS)[self.cleaned_data["reason"]]
        details = " ".join(self.cleaned_data["details"].split())
        if self.cleaned_data["reason"] == "other":
            return details
        return f"{text}: {details}" if details else text


RESUME_TOO_LONG_PASTED = (
    "The résumé is too long: paste at most 200,000 characters (the part that matters), "
    "or choose its file."
)
BUDGETS = [(20, "20 minutes"), (30, "30 minutes"), (40, "40 minutes"), (60, "60 minutes")]


class DecoderForm(forms.Form):
    """A résumé to decode: pasted text or a file, and the time the interview may take."""

    text = forms.CharField(
        label="Paste the résumé",
        required=False,
        max_length=200_000,
        error_messages={"max_length": RESUME_TOO_LONG_PASTED},
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    file = forms.FileField(
        label="…or choose a file",
        required=False,
        help_text="Text, Markdown, PDF, Word, OpenDocument, RTF, HTML, LaTeX, or JSON Resume "
        "(.json or .yaml); up to 2 MB. Not stored.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED)}),
    )
    budget = forms.TypedChoiceField(
        label="Time for the interview", choices=BUDGETS, coerce=int, initial=30
    )

    def clean(self) -> dict:
        """Read the file if one was chosen; otherwise use the pasted text. One of them is needed."""
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["text"] = read_resume(upload.name, upload.read(MAX_BYTES + 1))
            except ResumeError as exc:
                self.add_error("file", str(exc))
        elif not data.get("text") and "text" not in self.errors:
            self.add_error("text", "Paste the résumé's text or choose a file.")
        return data


MAX_RESUME_CHARS = 200_000
RESUME_TOO_LONG = (
    "The résumé is too long: the decoder takes at most 200,000 characters. "
    "Paste the part that matters."
)


class StartFromResumeForm(forms.Form):
    """Start an interview with questions suggested from a résumé (new or existing candidate)."""

    candidate = forms.ModelChoiceField(
        queryset=Candidate.objects.all(),
        required=False,
        widget=CandidatePicker(allow_new=True),
        label="Candidate",
    )
    name = forms.CharField(label="New candidate's name", required=False, max_length=120)
    email = forms.EmailField(label="New candidate's email", required=False)
    position = forms.ModelChoiceField(queryset=Position.objects.filter(is_open=True))
    budget = forms.TypedChoiceField(choices=BUDGETS, coerce=int, widget=forms.HiddenInput)
    questions = forms.ModelMultipleChoiceField(
        queryset=Question.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one question."},
    )
    resume_text = forms.CharField(
        max_length=MAX_RESUME_CHARS,
        widget=forms.HiddenInput,
        error_messages={"max_length": RESUME_TOO_LONG},
    )
    start_anyway = forms.BooleanField(
        required=False, label="Start a new interview anyway", widget=forms.HiddenInput
    )
    different_person = forms.BooleanField(
        required=False,
        label="The new candidate is a different person: add them anyway",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: object, user=None, **kwargs: object) -> None:
        """``user``: who is starting it (their own open interviews are offered to resume)."""
        super().__init__(*args, **kwargs)
        self.user = user
        pick_candidates(self)

    def clean(self) -> dict:
        """A candidate is either chosen (and may have an interview in progress already) or
        named (and may have been added already)."""
        data = super().clean()
        check_open_interviews(self, data)
        name = data.get("name", "").strip()
        if "candidate" in self.errors or data.get("candidate"):
            return data
        if not name:
            self.add_error("name", "Choose a candidate or give the new candidate's name.")
        elif not data.get("different_person"):
            found = Candidate.objects.duplicates(name=name, email=data.get("email") or "")
            if found:
                advice = (
                    "Choose them as the candidate above, or tick “The new candidate is a "
                    "different person”."
                )
                self.add_error("email", duplicates_warning(found, advice))
                _reveal(self, "different_person")
        return data

    def ordered_questions(self) -> list[Question]:
        """The chosen questions (with their areas) in the order they were listed on the page."""
        order = {pk: index for index, pk in enumerate(self.data.getlist("questions"))}
        chosen = self.cleaned_data["questions"].select_related("area")
        return sorted(chosen, key=lambda question: order.get(str(question.pk), len(order)))


class NotificationPreferenceForm(forms.ModelForm):
    """Whether notifications are emailed as well as listed in the app."""

    class Meta:
        model = NotificationPreference
        fields = ["email"]
        help_texts = {"email": "They are always listed here; untick to stop the emails."}


class CoRaterForm(forms.Form):
    """Invite someone to co-rate a screening: anyone with a role but its interviewer and those
    invited already."""

    rater = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label="Invite a co-rater",
        empty_label="Choose a person",
        help_text="An engineer listening in, or a recruiter in training. They rate on their own "
        "and see your ratings once they submit theirs; you see theirs once you submit yours.",
    )

    def __init__(self, *args: object, interview, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rater"]
        field.queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=ROLES)
            .exclude(pk=interview.interviewer_id)
            .exclude(co_ratings__interview=interview)
            .distinct()
            .order_by("first_name", "last_name", "email")
        )
        field.label_from_instance = lambda u: u.get_full_name() or u.email


class PracticeStartForm(forms.Form):
    """Start practising a kit (one whose questions have practice answers)."""

    kit = forms.ModelChoiceField(queryset=Kit.objects.all())

    def clean_kit(self) -> Kit:
        kit = self.cleaned_data["kit"]
        if not any(
            kq.question.practice_answers for kq in kit.kit_questions.select_related("question")
        ):
            raise forms.ValidationError("This kit has no practice answers yet.")
        return kit


class PracticeRatingForm(forms.Form):
    """A recruiter's rating of one practice answer."""

    rating = forms.ChoiceField(
        choices=[(Rating.STRONG, "Strong"), (Rating.AVERAGE, "Average"), (Rating.WEAK, "Weak")]
    )


class ShortcutsForm(forms.Form):
    """Turn the workbench's single-key shortcuts on or off, and choose each action's key."""

    enabled = forms.BooleanField(
        label="Use single-key shortcuts in the workbench",
        required=False,
        help_text="Turn them off if you use speech input or type into another window during "
        "the call: then every key types normally.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for action in ACTIONS:
            self.fields[action.name] = forms.CharField(
                label=action.label,
                max_length=1,
                strip=False,
                error_messages={"required": "Give this action a key.", "max_length": "One key."},
                widget=forms.TextInput(attrs={"size": 2, "autocomplete": "off"}),
            )

    def clean(self) -> dict:
        """Keys are single visible characters, not digits 1-9 (the cues'), each used once."""
        data = super().clean()
        seen: dict[str, str] = {}
        for action in ACTIONS:
            key = data.get(action.name)
            if key is None:
                continue
            if not key.isprintable() or key.isspace():
                self.add_error(action.name, "Use a letter, a digit or a sign you can see.")
            elif key in "123456789":
                self.add_error(action.name, "1 to 9 tick the cues; choose another key.")
            elif key in seen:
                self.add_error(action.name, f"{key} already does “{seen[key]}”.")
            else:
                seen[key] = action.label
        return data

    def keys(self) -> dict[str, str]:
        """The chosen keys that differ from the defaults (after ``is_valid``)."""
        return {
            a.name: self.cleaned_data[a.name]
            for a in ACTIONS
            if self.cleaned_data[a.name] != a.default
        }


CONTENT_KINDS = {"interview-workbench/bank": "bank", "interview-workbench/glossary": "glossary"}
CONTENT_MAX_BYTES = 5 * 1024 * 1024


class ContentFileForm(forms.Form):
    """A question bank or glossary file for the admin's import page.

    The first step uploads ``file``; the second ("apply") sends back the checked ``text`` and
    its ``name``, so what is applied is exactly what was checked.
    """

    file = forms.FileField(
        required=False,
        label="Question bank or glossary file",
        help_text="A .yaml file in the format of docs/content-format.md, up to 5 MB. "
        "Nothing changes until you have seen the check and press Apply.",
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml"}),
    )
    text = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    name = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean(self) -> dict:
        """Read the uploaded file (or the checked text) and tell a bank from a glossary.

        Raises:
            ValidationError: no file, too large, not UTF-8, or neither a bank nor a glossary.
        """
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > CONTENT_MAX_BYTES:
                raise forms.ValidationError(
                    f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is 5 MB."
                )
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError("The file is not UTF-8 text.") from exc
            data["name"] = upload.name
        if not data.get("text"):
            raise forms.ValidationError("Choose a question bank or glossary file.")
        data["name"] = data.get("name") or "content.yaml"
        match = re.search(r"^format:\s*['\"]?([\w/-]+)", data["text"], re.MULTILINE)
        data["kind"] = CONTENT_KINDS.get(match.group(1) if match else "")
        if not data["kind"]:
            raise forms.ValidationError(
                "This is neither a question bank nor a glossary file: its first lines must say "
                "format: interview-workbench/bank or format: interview-workbench/glossary."
            )
        return data

    def run(self, *, dry_run: bool):
        """Import the file, or only check it (``dry_run``).

        Returns:
            The import's report (what was, or would be, created and updated).

        Raises:
            ContentError: every problem found, each with its line; nothing is saved.
        """
        from glossary.content import import_glossary

        from .content import import_bank

        importer = import_bank if self.cleaned_data["kind"] == "bank" else import_glossary
        data = self.cleaned_data
        return importer(data["name"], dry_run=dry_run, text=data["text"])

    def checked(self) -> "ContentFileForm":
        """The "apply" step's form: the checked text and name, hidden."""
        return ContentFileForm(
            initial={"text": self.cleaned_data["text"], "name": self.cleaned_data["name"]}
        )


CUE_KINDS = ("idea", "evidence")  # something to understand; proof they did it themselves
# Question texts are edited in full-width boxes: admins read and rewrite whole answers there.
FULL_SIZE = {"rows": 5, "cols": 100, "class": "vLargeTextField"}


class CuesField(LinesField):
    """Cues edited one per line; a line starting "evidence:" is an evidence cue, others ideas.

    Cleans to ``[{"kind": "idea" | "evidence", "text"}]``.
    """

    PREFIX = "evidence:"

    @classmethod
    def from_yaml(cls, value: object) -> object:
        """A content file's cues (``idea: …``, ``evidence: …`` or plain text) as the box's
        lines; anything else is passed on for the field to refuse."""
        if not isinstance(value, list):
            return value
        lines = []
        for cue in value:
            if isinstance(cue, dict) and len(cue) == 1 and next(iter(cue)) in CUE_KINDS:
                ((kind, text),) = cue.items()
                lines.append(f"{cls.PREFIX} {text}" if kind == "evidence" else str(text))
            elif isinstance(cue, str):
                lines.append(cue)
            else:
                return value
        return "\n".join(" ".join(line.split()) for line in lines)

    def prepare_value(self, value: object) -> object:
        """Show stored cues as lines, evidence cues with their prefix."""
        if isinstance(value, list | tuple):
            value = [
                f"{self.PREFIX} {cue['text']}" if cue.get("kind") == "evidence" else cue["text"]
                for cue in value
                if isinstance(cue, dict)
            ]
        return super().prepare_value(value)

    def to_python(self, value: object) -> list[dict]:
        """The lines as cues, each without its "evidence:" prefix."""
        if isinstance(value, list | tuple) and not all(isinstance(v, str) for v in value):
            raise forms.ValidationError(
                "Write each cue as “idea: …” or “evidence: …” with its text.", code="cue_kind"
            )
        cues = []
        for line in super().to_python(value):
            evidence = line.lower().startswith(self.PREFIX)
            text = line[len(self.PREFIX) :].strip() if evidence else line
            cues.append({"kind": "evidence" if evidence else "idea", "text": text})
        return cues

    def validate(self, value: list[dict]) -> None:
        """Lengths, count and duplicates, checked on the cues' own text."""
        super().validate([cue["text"] for cue in value])

    def has_changed(self, initial: object, data: object) -> bool:
        """Whether the cues differ from the stored ones (kinds included)."""
        try:
            return self.to_python(data) != (initial or [])
        except forms.ValidationError:
            return True


class FollowUpsField(forms.Field):
    """Follow-ups with their answer keys, edited as blocks of three lines (the question, then
    "Good if: …", then "Weak if: …") separated by blank lines.

    Cleans to ``[{"ask", "good_if", "weak_if"}]``.
    """

    widget = forms.Textarea(attrs={**FULL_SIZE, "rows": 14})
    LIMITS = {"ask": 300, "good_if": 200, "weak_if": 200}
    PREFIXES = {"good_if": "good if:", "weak_if": "weak if:"}
    NAMES = {"ask": "the question", "good_if": "Good if", "weak_if": "Weak if"}

    @classmethod
    def from_yaml(cls, value: object) -> object:
        """A content file's follow-ups (``ask``, ``good_if``, ``weak_if``) as the box's blocks;
        anything else is passed on for the field to refuse."""
        if not isinstance(value, list) or not all(isinstance(f, dict) for f in value):
            return value
        keys = {"ask", "good_if", "weak_if"}
        if any(set(f) - keys for f in value):
            return value
        return cls().prepare_value(
            [{k: " ".join(str(f.get(k) or "").split()) for k in keys} for f in value]
        )

    def has_changed(self, initial: object, data: object) -> bool:
        """Whether the follow-ups differ from the stored ones."""
        try:
            return self.clean(data) != (initial or [])
        except forms.ValidationError:
            return True

    def prepare_value(self, value: object) -> object:
        """Show stored follow-ups as blocks."""
        if isinstance(value, list | tuple):
            return "\n\n".join(
                f"{f['ask']}\nGood if: {f['good_if']}\nWeak if: {f['weak_if']}"
                for f in value
                if isinstance(f, dict)
            )
        return value

    def clean(self, value: object) -> list[dict]:
        """Parse and check each block.

        Raises:
            ValidationError: no follow-up, a block without its two keys, or a text too long.
        """
        if isinstance(value, list | tuple):  # from a content file, but not in its shape
            raise forms.ValidationError(
                "Give each follow-up as ask, good_if and weak_if (nothing else)."
            )
        text = str(value or "").replace("\r\n", "\n")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        if not blocks:
            raise forms.ValidationError("Give at least one follow-up with its answer key.")
        follow_ups = []
        for number, block in enumerate(blocks, start=1):
            found = {"ask": [], "good_if": [], "weak_if": []}
            for line in filter(None, (line.strip() for line in block.splitlines())):
                key = next((k for k, p in self.PREFIXES.items() if line.lower().startswith(p)), "")
                found[key or "ask"].append(line[len(self.PREFIXES[key]) :].strip() if key else line)
            found = {key: " ".join(parts) for key, parts in found.items()}
            missing = [self.NAMES[key] for key, text in found.items() if not text]
            if missing:
                raise forms.ValidationError(
                    f"Follow-up {number} lacks: {', '.join(missing)}. Write the question, then a "
                    "line starting “Good if:” and one starting “Weak if:”."
                )
            for key, limit in self.LIMITS.items():
                if len(found[key]) > limit:
                    raise forms.ValidationError(
                        f"Follow-up {number}: “{found[key][:40]}…” is {len(found[key])} "
                        f"characters; the limit is {limit}."
                    )
            follow_ups.append(found)
        return follow_ups


class PracticeAnswersField(forms.JSONField):
    """Sample answers for calibration practice: ``[{"rating", "transcript", "why"}]``, each
    rating strong, average or weak, the texts 1-1500 and 1-500 characters."""

    LIMITS = {"rating": 10, "transcript": 1500, "why": 500}

    @classmethod
    def from_yaml(cls, value: object) -> str:
        """A content file's answers as JSON, their texts' runs of white space joined."""
        if isinstance(value, list):
            value = [
                {k: " ".join(str(v).split()) for k, v in a.items()} if isinstance(a, dict) else a
                for a in value
            ]
        return json.dumps(value, default=str)

    def to_python(self, value: object) -> object:
        """The answers; none given means an empty list."""
        return super().to_python(value) or []

    def validate(self, value: object) -> None:
        """Check the list's shape, ratings and text lengths.

        Raises:
            ValidationError: naming the first answer that is wrong.
        """
        super().validate(value)
        answers = value or []
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            raise forms.ValidationError(
                "Give a list of answers, each with rating, transcript and why."
            )
        for number, answer in enumerate(answers, start=1):
            if set(answer) != set(self.LIMITS):
                raise forms.ValidationError(
                    f"Answer {number} needs exactly rating, transcript and why."
                )
            if answer["rating"] not in {Rating.STRONG, Rating.AVERAGE, Rating.WEAK}:
                raise forms.ValidationError(
                    f"Answer {number}: the rating must be strong, average or weak."
                )
            for key, limit in self.LIMITS.items():
                if not 1 <= len(str(answer[key])) <= limit:
                    raise forms.ValidationError(
                        f"Answer {number}: {key} must be 1 to {limit} characters."
                    )


class QuestionForm(forms.ModelForm):
    """A bank question, as the admin and the content import (``interviews.content``) check it.

    ``practice_answers`` (sample answers for calibration practice) come only from content
    files; the admin does not show them.
    """

    cues = CuesField(
        widget=forms.Textarea(attrs={**FULL_SIZE, "rows": 7}),
        max_length=80,
        min_items=1,
        help_text="What a strong answer tends to contain, one per line. Start a line with "
        "“evidence:” for proof they did it (numbers, names, their own part, what failed).",
    )
    follow_ups = FollowUpsField(
        help_text="Each follow-up on its own line, then “Good if: …” and “Weak if: …”; a blank "
        "line between follow-ups."
    )
    variants = LinesField(
        widget=forms.Textarea(attrs=FULL_SIZE),
        required=False,
        max_length=500,
        help_text="Other wordings of the prompt, one per line; an interview asks one at random.",
    )

    practice_answers = PracticeAnswersField(required=False)

    def clean(self) -> dict:
        """Review dates as for glossary terms; a must-hear of at most 15 words."""
        data = super().clean()
        check_review_dates(self, data)
        must_hear = data.get("must_hear") or ""
        if len(must_hear.split()) > 15:
            self.add_error("must_hear", f"Keep it to 15 words; this is {len(must_hear.split())}.")
        return data

    class Meta:
        model = Question
        fields = (
            "prompt",
            "slug",
            "area",
            "level",
            "minutes",
            "active",
            "probes",
            "must_hear",
            "cues",
            "follow_ups",
            "variants",
            "hypothetical",
            "terms",
            "strong",
            "average",
            "weak",
            "verified",
            "review_by",
            "practice_answers",
        )
        widgets = {
            **{
                f: forms.Textarea(attrs=FULL_SIZE)
                for f in ("prompt", "probes", "strong", "average", "weak", "hypothetical")
            },
            "must_hear": forms.TextInput(attrs={"class": "vLargeTextField", "size": 100}),
            # A plain multiple select with a search box: the admin's autocomplete and two-pane
            # widgets fail axe.
            "terms": FilteredSelect("glossary terms", multiple=True),
        }


class RedFlagForm(forms.ModelForm):
    """A red flag, as the admin and the content import check it."""

    class Meta:
        model = RedFlag
        fields = ("slug", "name", "why")


class KitForm(forms.ModelForm):
    """A kit's own fields, as the content import checks them (its questions are a list there)."""

    class Meta:
        model = Kit
        fields = ("slug", "name", "level", "minutes", "description")
