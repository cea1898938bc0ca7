"""URL map: the portal, Django admin, and the REST API under /api/v1/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from projects import signin

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="projects:list"), name="home"),
    path(
        "accounts/login/",
        signin.refusing_locked(auth_views.LoginView.as_view(form_class=signin.SignInForm)),
        name="login",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=signin.NewPasswordForm),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("projects/", include("projects.urls")),
    path("projects/", include("reviews.urls")),
    # Before the admin's own URLs: its sign-in under the portal's throttle.
    path("admin/login/", signin.refusing_locked(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("projects.api_urls")),
    path("api/v1/", include("reviews.api_urls")),
]
