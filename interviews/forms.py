"""Forms of the interviews app."""

from django import forms

from glossary.models import Area

from .models import Level


class BankFilterForm(forms.Form):
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
