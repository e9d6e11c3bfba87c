from django.urls import path

from . import views

app_name = "articles"
# The article page (articles:detail) is the annotation workspace: its view lives with the
# workspace (annotations.views.spans.article_page) and newsroom/urls.py adds it to this
# namespace, so that this app does not import annotations.
urlpatterns = [
    path("", views.article_list, name="list"),
]
