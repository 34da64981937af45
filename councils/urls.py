from django.urls import path

from councils import views

app_name = "councils"
urlpatterns = [
    path("<slug:municipality>/raad/", views.index, name="index"),
]
