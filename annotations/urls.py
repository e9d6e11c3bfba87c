from django.urls import path

from .views import compare, dashboard, registry, review, sets, spans

app_name = "annotations"
urlpatterns = [
    # Span editing (annotations.views.spans); the article page itself is articles:detail.
    path("articles/<int:article_id>/create/", spans.create, name="create"),
    path("articles/<int:article_id>/attribute/", spans.attribute, name="attribute"),
    path("<int:pk>/", spans.item, name="item"),
    path("<int:pk>/edit/", spans.edit, name="edit"),
    path("<int:pk>/delete/", spans.delete, name="delete"),
    path("<int:pk>/restore/", spans.restore, name="restore"),
    path("<int:pk>/link/", spans.link, name="link"),
    path("<int:pk>/resolve/", spans.resolve_source, name="resolve"),
    path("<int:pk>/unresolve/", spans.unresolve, name="unresolve"),
    path("registry/", registry.search, name="registry_search"),
    path("attributions/<int:pk>/delete/", spans.unlink, name="unlink"),
    path("attributions/<int:pk>/fragments/", spans.add_fragment, name="add_fragment"),
    path(
        "attributions/<int:pk>/fragments/<int:fragment>/remove/",
        spans.remove_fragment,
        name="remove_fragment",
    ),
    # Review workflow (annotations.views.review): article steps, inline review, the review page.
    path(
        "articles/<int:article_id>/workflow/<str:step>/",
        review.workflow_step,
        name="workflow",
    ),
    path("<int:pk>/accept/", review.accept, name="accept"),
    path("<int:pk>/reject/", review.reject, name="reject"),
    path("<int:pk>/correct/", review.correct, name="correct"),
    path("review/<int:article_id>/", review.review_page, name="review_page"),
    path("review/<int:article_id>/bulk/", review.review_bulk, name="review_bulk"),
    path("review/next/", review.review_next, name="review_next"),
    # Reviewers: two editors compared, the dashboard, annotated sets.
    path("compare/<int:article_id>/", compare.compare, name="compare"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("sets/", sets.set_list, name="sets"),
    path("sets/new/", sets.set_create, name="set_create"),
    path("sets/preview/", sets.set_preview, name="set_preview"),
    path("sets/<int:pk>/", sets.set_edit, name="set_edit"),
    path("sets/<int:pk>/articles/", sets.set_articles, name="set_articles"),
    path("sets/<int:pk>/pick/<int:article_id>/", sets.set_pick, name="set_pick"),
    path("sets/<int:pk>/delete/", sets.set_delete, name="set_delete"),
]
