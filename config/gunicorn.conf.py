"""gunicorn's settings for the web service, read from the environment.

    gunicorn config.wsgi -c config/gunicorn.conf.py

The defaults were chosen by measurement on two cores (bench/load.py; the figures are in the
README): threads let a worker keep answering while one request waits on the database, and
one process per core keeps the cores busy without the memory of a process per user.
"""

import os

bind = f"{os.environ.get('GUNICORN_BIND_HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 (inside the container)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A PDF report is rendered by the worker, never in a request; 30 s is plenty for a page.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Restart a worker now and then, so a slow leak never grows into an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
