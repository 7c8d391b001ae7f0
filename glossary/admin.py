"""Admin for areas and glossary terms (Question-bank admins)."""

from django import forms
from django.contrib import admin
from django.db.models import Count

from .forms import LinesField
from .models import TAGS, Area, Term


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


class TermForm(forms.ModelForm):
    aliases = LinesField(
        required=False,
        max_length=80,
        help_text="Other spellings seen on résumés, one per line (e.g. DRF, k8s).",
    )

    tags = forms.MultipleChoiceField(
        choices=list(TAGS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What the résumé decoder points out when it finds this term.",
    )

    class Meta:
        model = Term
        fields = (
            "name",
            "slug",
            "area",
            "aliases",
            "meaning",
            "where_seen",
            "signals",
            "related",
            "tags",
        )
        widgets = {
            **{f: forms.Textarea(attrs={"rows": 2}) for f in ("meaning", "where_seen", "signals")},
            # A plain multiple select: the admin's autocomplete and two-pane widgets fail axe.
            "related": forms.SelectMultiple(attrs={"size": 12}),
        }

    def clean_aliases(self) -> list[str]:
        """Reject an alias that is already another term's name or alias."""
        aliases = self.cleaned_data["aliases"]
        others = Term.objects.exclude(pk=self.instance.pk).values_list("name", "aliases")
        taken = {}
        for name, other_aliases in others:
            for spelling in [name, *other_aliases]:
                taken[spelling.casefold()] = name
        clashes = [f"“{a}” ({taken[a.casefold()]})" for a in aliases if a.casefold() in taken]
        if clashes:
            raise forms.ValidationError("Already used by another term: " + ", ".join(clashes))
        return aliases


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    form = TermForm
    list_display = ("name", "area", "alias_list", "updated_at")
    list_filter = ("area",)
    search_fields = ("name", "slug", "aliases", "meaning")
    list_select_related = ("area",)
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description="Aliases")
    def alias_list(self, term: Term) -> str:
        """The aliases, comma-separated."""
        return ", ".join(term.aliases) or "—"
