from __future__ import annotations

from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    """Moving data in and out: imports (file → parser → saver → rows) and exports (set → loader
    → writer → stream), and the one job mechanism both run on."""

    name = "interchange"
    verbose_name = "Import and export"
