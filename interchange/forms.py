"""The interchange forms: the admin's "Import articles" upload, and the export form (which
articles — an annotated set, or all — which format, which annotations)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from annotations.models import AnnotatedSet

from .exporting.formats import FORMATS
from .importing.intake import PARSERS
from .models import Job

# --- Import ------------------------------------------------------------------------------------

DETECT = "detect"
# Where uploads wait, relative to MEDIA_ROOT, until the import that needs them has run.
UPLOAD_DIR = "imports"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field whose input accepts several files; cleans to a list of them."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = list(data) if isinstance(data, list | tuple) else [data]
        if not any(uploads):
            super().clean(None, initial)  # "This field is required."
            return []
        cleaned: list[UploadedFile] = []
        errors: list[str] = []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except ValidationError as exc:
                # Name the file: with several chosen, "the submitted file is empty" is a riddle.
                errors += [f"{getattr(upload, 'name', '')}: {message}" for message in exc.messages]
        if errors:
            raise ValidationError(errors)
        return cleaned


def format_choices() -> list[tuple[str, str]]:
    return [(DETECT, "Detect from each file")] + [(name, name) for name in sorted(PARSERS)]


class ImportForm(forms.Form):
    # The metaclass moves declared fields into base_fields, so this does not shadow
    # BaseForm.files at run time; the stubs cannot see that.
    files = MultipleFileField(  # type: ignore[assignment]
        help_text="Plain text, JSON, JSON Lines, CSV or saved HTML pages, or ZIP archives of "
        "them. Several files may be chosen at once."
    )
    format = forms.ChoiceField(
        choices=format_choices,
        initial=DETECT,
        help_text="Only needed when detection picks the wrong reader for your files.",
    )
    keep_good = forms.BooleanField(
        required=False,
        label="Import the good records and report the rest",
        help_text="Off by default: a file with any bad record then imports nothing.",
    )

    def save(self, user: User | None) -> Job:
        """Keep the uploads under MEDIA_ROOT/imports/<uuid>/ and record a queued dry run (an
        import Job).

        Stored names are numbered: the name the browser sent is only kept for display (and
        for the reports' file:line), never used to build a path."""
        folder = Path(UPLOAD_DIR) / uuid.uuid4().hex
        absolute = Path(settings.MEDIA_ROOT) / folder
        absolute.mkdir(parents=True)
        stored: list[str] = []
        try:
            for index, upload in enumerate(self.cleaned_data["files"]):
                relative = folder / f"{index:03d}.upload"
                with (Path(settings.MEDIA_ROOT) / relative).open("xb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                stored.append(relative.as_posix())
            return Job.objects.create(
                kind=Job.Kind.IMPORT,
                user=user,
                files=[Path(upload.name or "upload").name for upload in self.cleaned_data["files"]],
                uploads=stored,
                format=self.cleaned_data["format"],
                options={
                    "format": self.cleaned_data["format"],
                    "keep_good": self.cleaned_data["keep_good"],
                },
                dry_run=True,
                status=Job.Status.QUEUED,
            )
        except BaseException:
            shutil.rmtree(absolute, ignore_errors=True)
            raise


# --- Export ------------------------------------------------------------------------------------

FORMAT_LABELS = {
    "native": "Newsroom JSONL (lossless, re-importable)",
    "csv": "CSV, one row per annotation (spreadsheets)",
    "attributions-csv": "CSV, one row per attribution: source, cue, claim (spreadsheets)",
    "w3c": "W3C Web Annotation (JSON-LD)",
    "doccano": "doccano JSONL, sequence labelling (drops attribution links)",
    "doccano-relations": "doccano JSONL, sequence labelling with relations",
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
