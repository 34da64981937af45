from django.urls import path

from actionplans import views

app_name = "actionplans"
urlpatterns = [
    path("<slug:municipality>/handleplaner/", views.index, name="index"),
]
