"""Forms and form fields of the glossary app."""

import datetime

from django import forms

from .models import TAGS, Area, Term


class LinesField(forms.Field):
    """A list of short texts edited as a textarea, one item per line.

    Cleans to a list of stripped, non-empty lines with duplicates (ignoring case) rejected.

    Args:
        max_length: the longest item allowed, in characters, or None.
        min_items: the fewest items allowed.
    """

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, max_length: int | None = None, min_items: int = 0, **kwargs):
        self.max_length = max_length
        self.min_items = min_items
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)

    def prepare_value(self, value: object) -> object:
        """Show a stored list as lines; leave typed text as it is."""
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: object) -> list[str]:
        """Split the text into stripped, non-empty lines."""
        if isinstance(value, list | tuple):
            return [str(item).strip() for item in value if str(item).strip()]
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]

    def validate(self, value: list[str]) -> None:
        """Check requiredness, the number of items, their length and duplicates."""
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(value) < self.min_items:
            raise forms.ValidationError(
                f"Give at least {self.min_items} (one per line); you gave {len(value)}.",
                code="min_items",
            )
        for item in value:
            if self.max_length and len(item) > self.max_length:
                raise forms.ValidationError(
                    f"“{item[:40]}…” is {len(item)} characters; the limit is {self.max_length}.",
                    code="max_length",
                )
        if len({item.casefold() for item in value}) != len(value):
            raise forms.ValidationError("The same line appears twice.", code="duplicate")

    def has_changed(self, initial: object, data: object) -> bool:
        return self.to_python(initial) != self.to_python(data)


REVIEW_WITHIN_DAYS = 548  # about 18 months: dated facts are checked again at least this often


class FilteredSelect(forms.Select):
    """A select with a search box above it that narrows its options as you type
    (``static/js/admin_filter.js``); ``multiple`` for many-to-many fields.

    Args:
        label: what the list holds, for the search box's label ("glossary terms").
        multiple: a multiple select.
    """

    template_name = "admin/widgets/filtered_select.html"

    def __init__(self, label: str, *, multiple: bool = False, attrs: dict | None = None):
        super().__init__(attrs={"size": 12 if multiple else 1, **(attrs or {})})
        self.filter_label = label
        self.allow_multiple_selected = multiple

    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        """The select's context, with the label of its search box."""
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_label"] = self.filter_label
        return context

    def value_from_datadict(self, data, files, name: str) -> object:
        """A list of values for a multiple select, one value otherwise."""
        if self.allow_multiple_selected:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        return super().value_from_datadict(data, files, name)

    class Media:
        js = ("js/admin_filter.js",)


def check_review_dates(form: forms.Form, data: dict) -> None:
    """Add errors to ``form`` unless its ``verified`` and ``review_by`` dates are both empty, or
    both given with the review after the check and within about 18 months of it.

    Args:
        form: the form being cleaned (errors go on its ``verified`` or ``review_by`` field).
        data: its cleaned data.
    """
    verified, review_by = data.get("verified"), data.get("review_by")
    if review_by and not verified:
        form.add_error("verified", "Say when the facts were checked, as well as when to review.")
    elif verified and not review_by:
        form.add_error("review_by", "Say when to check the facts again.")
    elif verified and review_by:
        if review_by <= verified:
            form.add_error("review_by", "Must be after the date the facts were checked.")
        elif review_by - verified > datetime.timedelta(days=REVIEW_WITHIN_DAYS):
            form.add_error("review_by", "Check dated facts again within 18 months.")


class AreaForm(forms.ModelForm):
    """An area of the stack, as the admin and the content import check it."""

    class Meta:
        model = Area
        fields = ("name", "slug", "order", "description")


class TermForm(forms.ModelForm):
    """A glossary term, as the admin and the content import (``glossary.content``) check it.

    Args:
        other_spellings: for the import, the names and aliases of the other terms (casefolded
            spelling to term name) to check aliases against; by default, every other term's.
        listed_successors: for the import, which sets ``related`` and ``successors`` itself once
            every term exists (and removes those fields): the successors' slugs, for the rules.
            The import also skips the database's check constraints, one query each per term:
            the fields and ``clean`` below already check the same rules.
    """

    aliases = LinesField(
        required=False,
        max_length=80,
        help_text="Other spellings seen on résumés, one per line (e.g. DRF, k8s).",
    )
    other_meanings = LinesField(
        required=False,
        max_length=80,
        help_text="Phrases in which the name means something else, one per line "
        "(e.g. royal python).",
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
            "successors",
            "kind",
            "other_meanings",
            "case_sensitive",
            "needs_context",
            "verified",
            "review_by",
        )
        widgets = {
            **{f: forms.Textarea(attrs={"rows": 2}) for f in ("meaning", "where_seen", "signals")},
            # Plain multiple selects: the admin's autocomplete and two-pane widgets fail axe.
            "related": FilteredSelect("glossary terms", multiple=True),
            "successors": FilteredSelect("glossary terms", multiple=True),
        }

    def __init__(
        self,
        *args,
        other_spellings: dict[str, str] | None = None,
        listed_successors: list[str] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.other_spellings = other_spellings
        if listed_successors is not None:
            del self.fields["related"], self.fields["successors"]
        self.listed_successors = listed_successors

    def validate_constraints(self) -> None:
        """The model's check constraints, except in an import (see the class docstring)."""
        if self.listed_successors is None:
            super().validate_constraints()

    def clean_aliases(self) -> list[str]:
        """Reject an alias that is already another term's name or alias."""
        aliases = self.cleaned_data["aliases"]
        taken = self.other_spellings
        if taken is None:
            taken = {}
            others = Term.objects.exclude(pk=self.instance.pk).values_list("name", "aliases")
            for name, other_aliases in others:
                for spelling in [name, *other_aliases]:
                    taken[spelling.casefold()] = name
        clashes = [f"“{a}” ({taken[a.casefold()]})" for a in aliases if a.casefold() in taken]
        if clashes:
            raise forms.ValidationError("Already used by another term: " + ", ".join(clashes))
        return aliases

    def clean(self) -> dict:
        """Successors only for an outdated term; a review date after the check, within about
        18 months of it."""
        data = super().clean()
        successors = data.get("successors") if "successors" in self.fields else None
        if (successors or self.listed_successors) and "outdated" not in data.get("tags", []):
            message = "Only an outdated term has successors: tag it outdated."
            if "successors" in self.fields:
                self.add_error("successors", message)
            else:
                self.add_error(None, forms.ValidationError(message, code="successors"))
        check_review_dates(self, data)
        return data
