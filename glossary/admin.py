"""Admin for areas and glossary terms (Question-bank admins)."""

from django.contrib import admin
from django.db.models import Count

from .forms import TermForm
from .models import Area, Term


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "term_count")
    list_editable = ("order",)
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(term_total=Count("terms"))

    @admin.display(description="Terms", ordering="term_total")
    def term_count(self, area: Area) -> int:
        """How many glossary terms the area has."""
        return area.term_total


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    form = TermForm  # the content import validates each term with the same form
    list_display = ("name", "area", "alias_list", "updated_at")
    list_filter = ("area",)
    search_fields = ("name", "slug", "aliases", "meaning")
    list_select_related = ("area",)
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description="Aliases")
    def alias_list(self, term: Term) -> str:
        """The aliases, comma-separated."""
        return ", ".join(term.aliases) or "—"
