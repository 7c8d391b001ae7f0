"""Admin for accounts (people and their roles) and the bank (questions, kits, red flags)."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from glossary.forms import FilteredSelect

from .forms import QuestionForm
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
