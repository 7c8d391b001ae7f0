"""Admin for accounts (people and their roles) and the bank (questions, kits, red flags)."""

import re

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from glossary.forms import FilteredSelect, LinesField, check_review_dates

from .models import Kit, KitQuestion, Position, Question, RedFlag

User = get_user_model()

PRIVILEGE_FIELDS = {"is_superuser", "is_staff", "user_permissions"}


class WorkbenchUserCreationForm(AdminUserCreationForm):
    """The add form asks for the email address people sign in with."""

    class Meta(AdminUserCreationForm.Meta):
        fields = ("username", "email", "first_name", "last_name")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = "People sign in with this address."


admin.site.unregister(User)


@admin.register(User)
class WorkbenchUserAdmin(UserAdmin):
    """Roles are groups, shown as checkboxes. Only superusers see or change superuser, staff and
    per-user permission fields, so a Question-bank admin cannot raise their own privileges."""

    add_form = WorkbenchUserCreationForm
    add_fieldsets = (
        (None, {"fields": ("email", "username", "first_name", "last_name")}),
        ("Password", {"fields": ("usable_password", "password1", "password2")}),
        ("Role", {"fields": ("groups",)}),
    )
    list_display = ("email", "first_name", "last_name", "roles", "is_active", "last_login")
    list_filter = ("groups", "is_active")
    search_fields = ("email", "first_name", "last_name", "username")
    ordering = ("email",)
    filter_horizontal = ()

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        """Show groups as a short list of checkboxes rather than a two-pane chooser."""
        if db_field.name == "groups":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["help_text"] = "What this person can do in the workbench."
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj=None):
        """Drop the privilege fields for everyone but superusers."""
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        allowed = []
        for name, opts in fieldsets:
            fields = tuple(f for f in opts["fields"] if f not in PRIVILEGE_FIELDS)
            allowed.append((name, {**opts, "fields": fields}))
        return allowed

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        """Superuser accounts can be changed by superusers only (email, password, roles)."""
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description="Roles")
    def roles(self, user) -> str:
        """The names of the user's groups, comma-separated."""
        return ", ".join(group.name for group in user.groups.all()) or "—"

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("groups")


# Question texts are edited in full-width boxes: admins read and rewrite whole answers there.
FULL_SIZE = {"rows": 5, "cols": 100, "class": "vLargeTextField"}


class CuesField(LinesField):
    """Cues edited one per line; a line starting "evidence:" is an evidence cue, others ideas.

    Cleans to ``[{"kind": "idea" | "evidence", "text"}]``.
    """

    PREFIX = "evidence:"

    def prepare_value(self, value: object) -> object:
        """Show stored cues as lines, evidence cues with their prefix."""
        if isinstance(value, list | tuple):
            value = [
                f"{self.PREFIX} {cue['text']}" if cue.get("kind") == "evidence" else cue["text"]
                for cue in value
                if isinstance(cue, dict)
            ]
        return super().prepare_value(value)

    def clean(self, value: object) -> list[dict]:
        """Check the lines as texts (length, count, duplicates), then mark each one's kind."""
        lines = super().clean(value)
        cues = []
        for line in lines:
            evidence = line.lower().startswith(self.PREFIX)
            text = line[len(self.PREFIX) :].strip() if evidence else line
            cues.append({"kind": "evidence" if evidence else "idea", "text": text})
        return cues


class FollowUpsField(forms.Field):
    """Follow-ups with their answer keys, edited as blocks of three lines (the question, then
    "Good if: …", then "Weak if: …") separated by blank lines.

    Cleans to ``[{"ask", "good_if", "weak_if"}]``.
    """

    widget = forms.Textarea(attrs={**FULL_SIZE, "rows": 14})
    LIMITS = {"ask": 300, "good_if": 200, "weak_if": 200}
    PREFIXES = {"good_if": "good if:", "weak_if": "weak if:"}
    NAMES = {"ask": "the question", "good_if": "Good if", "weak_if": "Weak if"}

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


class QuestionForm(forms.ModelForm):
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


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    list_display = ("__str__", "area", "level", "minutes", "active", "updated_at")
    list_filter = ("area", "level", "active")
    search_fields = ("slug", "prompt", "probes", "strong")
    list_select_related = ("area",)
    prepopulated_fields = {"slug": ("prompt",)}
    fieldsets = (
        (None, {"fields": ("prompt", "slug", "area", "level", "minutes", "active")}),
        ("Other wordings", {"fields": ("variants", "hypothetical")}),
        (
            "For the recruiter",
            {"fields": ("probes", "must_hear", "cues", "follow_ups", "terms")},
        ),
        ("Answer guidance", {"fields": ("strong", "average", "weak")}),
        ("Dated facts", {"fields": ("verified", "review_by")}),
    )


class KitQuestionInline(admin.StackedInline):
    """A kit's questions, one small form each (a tabular inline has an unlabelled column)."""

    model = KitQuestion
    extra = 1
    ordering = ("number",)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        """The question list gets a search box (the bank has well over a hundred)."""
        if db_field.name == "question":
            kwargs["widget"] = FilteredSelect("questions")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Kit)
class KitAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "minutes", "question_total", "minutes_used")
    list_filter = ("level",)
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (KitQuestionInline,)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).with_totals()

    @admin.display(description="Questions", ordering="question_count")
    def question_total(self, kit: Kit) -> int:
        """How many questions the kit asks."""
        return kit.question_count

    @admin.display(description="Minutes of questions", ordering="question_minutes")
    def minutes_used(self, kit: Kit) -> int:
        """The sum of the kit's questions' usual minutes (compare with the budget)."""
        return kit.question_minutes or 0


@admin.register(RedFlag)
class RedFlagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "why")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    """Positions, with the history of every change (who manages it decides who reads scorecards)."""

    list_display = ("title", "level", "default_kit", "is_open", "manager_names")
    list_filter = ("is_open", "level")
    search_fields = ("title",)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("hiring_managers")

    @admin.display(description="Hiring managers")
    def manager_names(self, position) -> str:
        """The hiring managers' names (or emails), comma-separated."""
        managers = position.hiring_managers.all()
        return ", ".join(m.get_full_name() or m.email for m in managers) or "—"
