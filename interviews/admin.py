"""Admin for accounts: Question-bank admins create people and give them roles (groups)."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.http import HttpRequest

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
