from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import oidc, views

urlpatterns = [
    path("log-ind/", views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("totrin/", views.two_factor_verify, name="two_factor_verify"),
    path("totrin/opsaet/", views.two_factor_setup, name="two_factor_setup"),
    # The municipality's identity provider; register /konto/oidc/callback/ there.
    path("oidc/log-ind/", oidc.authentication_init, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.authentication_callback, name="oidc_authentication_callback"),
]
