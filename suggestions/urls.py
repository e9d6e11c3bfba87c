"""Reviewing suggestions from the article page (suggestions.views)."""

from django.urls import path

from . import views

app_name = "suggestions"
urlpatterns = [
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/reject/", views.reject, name="reject"),
    path("articles/<int:article_id>/accept-all/", views.accept_all, name="accept_all"),
    path("articles/<int:article_id>/undo/", views.undo_accept_all, name="undo_accept_all"),
    path("articles/<int:article_id>/suggest/", views.suggest, name="suggest"),
]
