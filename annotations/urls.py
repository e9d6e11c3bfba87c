from django.urls import path

from . import views

app_name = "annotations"
urlpatterns = [
    path("articles/<int:article_id>/create/", views.create, name="create"),
    path("<int:pk>/", views.item, name="item"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/restore/", views.restore, name="restore"),
    path("<int:pk>/link/", views.link, name="link"),
    path("<int:pk>/resolve/", views.resolve, name="resolve"),
    path("<int:pk>/unresolve/", views.unresolve, name="unresolve"),
    path("attributions/<int:pk>/delete/", views.unlink, name="unlink"),
]
