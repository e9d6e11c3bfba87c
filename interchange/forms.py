"""The export form: which articles (an annotated set, or all), which format, which annotations."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from annotations.models import AnnotatedSet

from .exporting.formats import FORMATS

FORMAT_LABELS = {
    "native": "Newsroom JSONL (lossless, re-importable)",
    "csv": "CSV, one row per annotation (spreadsheets)",
    "w3c": "W3C Web Annotation (JSON-LD)",
    "doccano": "doccano JSONL",
    "labelstudio": "Label Studio JSON",
    "brat": "brat standoff (.txt and .ann in a ZIP)",
    "spacy": "spaCy DocBin (.spacy)",
}
APPROVED, EVERYTHING = "approved", "all"


class ExportForm(forms.Form):
    """Valid, its cleaned data also holds "articles", the chosen set's articles (resolved here
    so that a set whose filters no longer hold is a form error, not a failed download)."""

    annotated_set = forms.ModelChoiceField(
        queryset=AnnotatedSet.objects.order_by("name"),
        required=False,
        empty_label="All articles",
        label="Articles",
    )
    format = forms.ChoiceField(label="Format")
    annotations = forms.ChoiceField(
        label="Annotations",
        choices=[
            (APPROVED, "Approved only (accepted by a reviewer)"),
            (EVERYTHING, "All, including pending and rejected"),
        ],
        initial=APPROVED,
        widget=forms.RadioSelect,
    )
    bom = forms.BooleanField(required=False, label="CSV: start with a byte-order mark (for Excel)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        format_field = cast(forms.ChoiceField, self.fields["format"])
        format_field.choices = [(name, FORMAT_LABELS.get(name, name)) for name in FORMATS]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        annotated_set = cleaned.get("annotated_set")
        if annotated_set is not None:
            try:
                cleaned["articles"] = annotated_set.articles()
            except ValueError as exc:
                raise forms.ValidationError(f"This set cannot be exported: {exc}") from exc
        return cleaned
