"""Forms and form fields of the glossary app."""

from django import forms


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
