from django.urls import path

from core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("arbejdsrum/", views.staff_home, name="staff_home"),
    # The municipality's front page; the apps' pages live below it (/aalborg/politikker/…).
    path("<slug:municipality>/", views.municipality_home, name="municipality"),
]
