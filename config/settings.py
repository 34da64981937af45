"""Politikspor's one settings module. Every value comes from the environment.

Development defaults are safe to run locally; with DJANGO_DEBUG=0 a SECRET_KEY is required.
.env.example lists every variable.
"""

from datetime import timedelta

from celery.schedules import crontab
from csp.constants import NONE, SELF

from .env import (
    BASE_DIR,
    VAR_DIR,
    StartupError,
    database_config,
    env,
    env_bool,
    env_int,
    env_list,
    env_role_map,
)

DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise StartupError(
            "SECRET_KEY mangler: sæt SECRET_KEY i miljøet (fx i .env) når DJANGO_DEBUG=0."
        )
    SECRET_KEY = "development-only-insecure-key-politikspor"  # noqa: S105 (DEBUG only)
elif not DEBUG and len(SECRET_KEY) < 50:
    # Sessions, password-reset links and the citizen form's tokens are signed with it.
    raise StartupError(
        f"SECRET_KEY er for kort ({len(SECRET_KEY)} tegn): brug mindst 50 tilfældige tegn, "
        "fx python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # the widget templates, for FORM_RENDERER below
    "simple_history",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "mozilla_django_oidc",
    "core",
    "accounts",
    "councils",
    "policies",
    "hearings",
    "actionplans",
    "reports",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout, and a second factor for editors, admins and superusers (admin too).
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A restarting database: one retry for reads, else 503 with Retry-After.
    "core.middleware.DatabaseOutageMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records the request's user on every history row (who changed what).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.politikspor",
            ],
        },
    }
]

# Forms render through the project's templates: a field is templates/includes/field.html
# (Det Fælles Designsystem's markup), so a template writes {{ form }} or
# {{ form.title.as_field_group }}.
FORM_RENDERER = "core.forms.DKFDSRenderer"

DATABASES = {"default": database_config()}
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", "test_politikspor")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_PORT = env_int("REDIS_PORT", 6379)
REDIS_URL = env("REDIS_URL", f"redis://127.0.0.1:{REDIS_PORT}/0")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "politikspor",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
if env_bool("POLITIKSPOR_LOCMEM_CACHE", False):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:staff_home"
LOGOUT_REDIRECT_URL = "core:home"

# --- Staff sign-in (accounts/) ---------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.oidc.MunicipalityOIDCBackend",
]
# Sessions end after SESSION_HOURS, or after STAFF_IDLE_MINUTES without a request.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 3600
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
# Lockout: AXES_FAILURE_LIMIT wrong passwords for one account lock it for
# AXES_COOLOFF_MINUTES, from whatever address they came (an attack rotates addresses).
# Not by address as well (axes.W006): a town hall signs in from one address behind its
# NAT, and five typos there would lock out the whole secretariat. Attempts live in
# PostgreSQL, so sign-in works while Redis is down.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Politikspor")
# OpenID Connect (the municipality's identity provider); off until a client id is set.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", "")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_ROLES_CLAIM = env("OIDC_ROLES_CLAIM", "groups")
OIDC_ROLE_MAP = env_role_map("OIDC_ROLE_MAP")
# `amr` values that mean the provider checked a second factor (Entra ID: "mfa"); such a
# sign-in needs no TOTP code here. Empty: always ask for our own.
OIDC_MFA_AMR_VALUES = env_list("OIDC_MFA_AMR_VALUES", "mfa")
LOGIN_REDIRECT_URL_FAILURE = "/konto/log-ind/"  # mozilla-django-oidc wants a path
if OIDC_ENABLED:
    missing = [
        name
        for name in ("OIDC_RP_CLIENT_SECRET", "OIDC_OP_AUTHORIZATION_ENDPOINT",
                     "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT")
        if not globals()[name]
    ]  # fmt: skip
    if missing:
        raise StartupError(f"OIDC_RP_CLIENT_ID er sat, men {', '.join(missing)} mangler.")

# Danish is the source language of every UI string; English is the translation.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Uploaded files are never served from a public URL: every download goes
    # through a view that applies the object's visibility rule.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("MEDIA_ROOT", str(VAR_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = STORAGES["default"]["OPTIONS"]["location"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 26_214_400
POLITIKSPOR_MAX_UPLOAD_MB = env_int("POLITIKSPOR_MAX_UPLOAD_MB", 10)
# Reverse proxies in front of the app; the client address for rate limits is taken that
# many hops back in X-Forwarded-For (0: use REMOTE_ADDR).
POLITIKSPOR_PROXY_COUNT = env_int("POLITIKSPOR_PROXY_COUNT", 0)
HEARINGS_RESPONSES_PER_HOUR = env_int("HEARINGS_RESPONSES_PER_HOUR", 5)

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "politikspor@localhost")

# Celery: jobs are recorded in PostgreSQL before they are sent (see core.jobs), so a
# lost message or a dead worker never loses work. Acknowledge late, re-queue when a
# worker dies, and keep the visibility timeout above the longest task time limit.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"reports.*": {"queue": "reports"}}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "jobs-sweep": {"task": "core.tasks.sweep_jobs", "schedule": 60.0},
    "hearings-purge-contact-data": {
        "task": "hearings.tasks.purge_contact_data",
        "schedule": crontab(hour=3, minute=15),
    },
    # Re-sends a report whose worker's lease ran out (reports.lease): within a minute.
    "reports-sweep-stale": {"task": "reports.sweep_stale", "schedule": 15.0},
    "actionplans-round-reminders": {
        "task": "actionplans.tasks.send_due_round_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}
CELERY_TIMEZONE = TIME_ZONE

# Strict Content-Security-Policy: no inline script or style, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The container's health check probes over plain HTTP from inside (docker-compose.yml).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading commits every subdomain of the kommune's domain to HTTPS for years:
        # that is the kommune's decision (SECURE_HSTS_PRELOAD=1), not a default.
        SILENCED_SYSTEM_CHECKS += ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"pgserver": {"level": "WARNING"}},
}
