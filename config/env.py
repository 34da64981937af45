"""Reading settings from the environment, with one clear line when a value is wrong."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("POLITIKSPOR_VAR_DIR", BASE_DIR / "var"))
# The embedded PostgreSQL's data directory: var/pg for `make run`, var/test-pg for the
# suite (devstack sets it), so a test run never touches the server the site runs on.
PG_DIR = Path(os.environ.get("POLITIKSPOR_PG_DIR", VAR_DIR / "pg"))


class StartupError(Exception):
    """A configuration problem that should stop start-up with one readable line."""


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise StartupError(f"{name}={value!r} er ikke en sandhedsværdi; brug 1 eller 0.")


def env_int(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise StartupError(f"{name}={value!r} skal være et heltal.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ROLES = {"editor", "admin"}


def env_role_map(name):
    """OIDC_ROLE_MAP: `claim=municipality-slug:role` pairs, comma-separated, e.g.
    `politikspor-aalborg-redaktoer=aalborg:editor,politikspor-aalborg-admin=aalborg:admin`."""
    pairs = []
    for item in env_list(name):
        claim, _, target = item.partition("=")
        slug, _, role = target.partition(":")
        if not (claim.strip() and slug.strip() and role.strip() in ROLES):
            raise StartupError(
                f"{name}: {item!r} skal have formen gruppe=kommune:rolle "
                f"(rolle er editor eller admin)."
            )
        pairs.append((claim.strip(), slug.strip(), role.strip()))
    return pairs


def embedded_postgres_host(pgdata=None):
    """The socket directory of the embedded PostgreSQL (PG_DIR unless told otherwise).

    pgserver may put the socket outside the data directory when the path is too long
    for a Unix socket; postmaster.pid (line 5) says where it really is.
    """
    pgdata = Path(pgdata or PG_DIR)
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        if len(lines) >= 5 and lines[4].strip():
            return lines[4].strip()
    except OSError:
        pass
    return str(pgdata)


def database_config():
    import dj_database_url

    url = env("DATABASE_URL")
    if not url:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env("POLITIKSPOR_DB_NAME", "politikspor"),
            "USER": "postgres",
            "HOST": embedded_postgres_host(),
            "CONN_MAX_AGE": 0,
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:
        raise StartupError(
            f"DATABASE_URL kan ikke læses ({exc}); forventet postgres://bruger:kode@vært:5432/navn"
        ) from None
    if config.get("ENGINE") != "django.db.backends.postgresql":
        raise StartupError(
            "DATABASE_URL skal pege på PostgreSQL (postgres://…); "
            "Politikspor kører kun på PostgreSQL."
        )
    return config
