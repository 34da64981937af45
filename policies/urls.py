from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("<slug:municipality>/politikker/", views.index, name="index"),
]
