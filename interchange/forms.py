"""The admin's "Import articles" upload form."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from .importing.intake import PARSERS
from .models import Job

DETECT = "detect"
# Where uploads wait, relative to MEDIA_ROOT, until the import that needs them has run.
UPLOAD_DIR = "imports"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field whose input accepts several files; cleans to a list of them."""

    widget = MultipleFileInput

    def clean(self, data, initial=None) -> list[UploadedFile]:
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
    files = MultipleFileField(
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

    def save(self, user: AbstractBaseUser | None) -> Job:
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
