"""Exports in the browser (interchange.views), mounted at /annotations/export/ by newsroom/urls.py:
the form and streamed downloads, then a background export's page and its file."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "interchange"
urlpatterns = [
    path("", views.export_page, name="export"),
    path("<uuid:export_id>/", views.export_status, name="export_status"),
    path("<uuid:export_id>/download/", views.download, name="export_download"),
]
