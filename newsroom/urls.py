from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

import articles.urls
from annotations.views import spans
from newsroom import health

# The articles namespace: the app's own pages plus the article page, which is the annotation
# workspace and lives with it (the articles app does not import annotations).
articles_urls = (
    [*articles.urls.urlpatterns, path("<int:pk>/", spans.article_page, name="detail")],
    articles.urls.app_name,
)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="articles:list", permanent=False)),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("articles/", include(articles_urls)),
    path("annotations/", include("annotations.urls")),
    path("annotations/export/", include("interchange.urls")),
    path("suggestions/", include("suggestions.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
