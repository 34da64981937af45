from django.urls import path

from hearings import views

app_name = "hearings"
urlpatterns = [
    path("<slug:municipality>/hoeringer/", views.index, name="index"),
]
