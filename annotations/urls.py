from django.urls import path

from . import review_views, views

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
    # Review workflow: article steps, inline review of annotations, the review page.
    path(
        "articles/<int:article_id>/workflow/<str:step>/",
        views.workflow_step,
        name="workflow",
    ),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/reject/", views.reject, name="reject"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("review/<int:article_id>/", views.review_page, name="review_page"),
    # Reviewers: two editors compared, the dashboard, annotated sets (annotations.review_views).
    path("compare/<int:article_id>/", review_views.compare, name="compare"),
    path("dashboard/", review_views.dashboard, name="dashboard"),
    path("sets/", review_views.set_list, name="sets"),
    path("sets/new/", review_views.set_create, name="set_create"),
    path("sets/preview/", review_views.set_preview, name="set_preview"),
    path("sets/<int:pk>/", review_views.set_edit, name="set_edit"),
    path("sets/<int:pk>/articles/", review_views.set_articles, name="set_articles"),
    path("sets/<int:pk>/pick/<int:article_id>/", review_views.set_pick, name="set_pick"),
    path("sets/<int:pk>/delete/", review_views.set_delete, name="set_delete"),
]
