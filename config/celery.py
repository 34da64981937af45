import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("politikspor")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

from core.celery_steps import Heartbeat  # noqa: E402

app.steps["worker"].add(Heartbeat)
