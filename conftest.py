"""Test set-up shared by every app: real PostgreSQL, Celery run in-process, and factories."""

import os

import pytest

if not os.environ.get("DATABASE_URL"):
    # Running pytest directly (not through `make test`): start the suite's own embedded
    # server (var/test-pg), never the one `make run` uses. It is left running.
    from django.conf import settings

    from config.env import embedded_postgres_host
    from devstack.services import Postgres, var_dir

    if "POLITIKSPOR_PG_DIR" not in os.environ:
        # pytest-django read the settings before this file: point them (and every
        # process a test starts) at the suite's cluster.
        os.environ["POLITIKSPOR_PG_DIR"] = str(var_dir() / "test-pg")
        Postgres(os.environ["POLITIKSPOR_PG_DIR"]).start()
        settings.DATABASES["default"]["HOST"] = embedded_postgres_host(
            os.environ["POLITIKSPOR_PG_DIR"]
        )
    else:
        Postgres(os.environ["POLITIKSPOR_PG_DIR"]).start()


@pytest.fixture(autouse=True)
def _celery_in_process(settings):
    """Tasks run in the test's process unless a test starts a real worker."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _forced_logins_include_the_second_factor(request, monkeypatch):
    """`client.force_login(user)` stands for a finished sign-in, and for an editor, admin
    or superuser that includes the second factor: the session gets a verified TOTP device,
    as accounts.views.two_factor_verify leaves it. Tests of the second factor itself mark
    themselves `password_only` to get the session a password alone gives.
    """
    if request.node.get_closest_marker("password_only"):
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        from accounts.tests.helpers import give_session_a_second_factor

        original(self, user, backend)
        give_session_a_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Factories hash a password for every user; the real hasher makes each one slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _mail_in_memory(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Each test gets its own in-memory cache, so counters (the hearing form's rate limit)
    never leak between tests or into the developer's Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "politikspor-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def aalborg(db):
    from core.tests.factories import MunicipalityFactory

    return MunicipalityFactory(name="Aalborg", slug="aalborg")


@pytest.fixture
def norddjurs(db):
    from core.tests.factories import MunicipalityFactory

    return MunicipalityFactory(name="Norddjurs", slug="norddjurs")


@pytest.fixture
def editor(aalborg):
    from core.tests.factories import EditorFactory

    return EditorFactory(municipality=aalborg)


@pytest.fixture
def other_editor(norddjurs):
    from core.tests.factories import EditorFactory

    return EditorFactory(municipality=norddjurs)
