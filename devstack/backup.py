"""`make backup` and `make restore`: the database (pg_dump's custom format) and the uploads.

A backup is a folder with two files, `database.dump` and `media.tar.gz`, under
var/backups/<time>/ unless another folder is named. The embedded server is used unless
DATABASE_URL points elsewhere; pgserver ships pg_dump and pg_restore of its own version.
"""

import datetime
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from devstack.services import Postgres, StackError, bin_path, say, var_dir
from devstack.supervisor import pg_dir

DUMP = "database.dump"
MEDIA = "media.tar.gz"


def media_root():
    return Path(os.environ.get("MEDIA_ROOT") or var_dir() / "media")


def _database_url():
    """(libpq URL, the Postgres we started or None)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], None
    postgres = Postgres(pg_dir()).start()
    return postgres.libpq_url(os.environ.get("POLITIKSPOR_DB_NAME", "politikspor")), postgres


def backup(destination=None, *, database_url=None, media=None):
    media = Path(media or media_root())
    postgres = None
    if database_url is None:
        database_url, postgres = _database_url()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    destination = Path(destination or var_dir() / "backups" / stamp)
    destination.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(  # noqa: S603
            [str(bin_path("pg_dump")), "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(destination / DUMP), "--dbname", database_url],
            check=True,
        )  # fmt: skip
    except subprocess.CalledProcessError:
        raise StackError("pg_dump fejlede; se udskriften ovenfor") from None
    finally:
        if postgres is not None:
            postgres.stop()
    with tarfile.open(destination / MEDIA, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    say(f"backup gemt i {destination} ({DUMP} og {MEDIA})")
    return destination


def restore(source, *, database_url=None, media=None):
    source = Path(source)
    for name in (DUMP, MEDIA):
        if not (source / name).is_file():
            raise StackError(f"{source / name} findes ikke; angiv en mappe fra make backup")
    media = Path(media or media_root())
    postgres = None
    if database_url is None:
        database_url, postgres = _database_url()
    try:
        # One transaction: a restore that fails half-way leaves the database as it was.
        subprocess.run(  # noqa: S603
            [str(bin_path("pg_restore")), "--clean", "--if-exists", "--no-owner",
             "--no-privileges", "--single-transaction", "--exit-on-error",
             "--dbname", database_url, str(source / DUMP)],
            check=True,
        )  # fmt: skip
    except subprocess.CalledProcessError:
        raise StackError("pg_restore fejlede; databasen er uændret") from None
    finally:
        if postgres is not None:
            postgres.stop()
    # Unpack beside the media folder, then swap, so the files are never half there.
    staging = media.parent / f".{media.name}-restore"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    unpacked = staging / "media"
    unpacked.mkdir(exist_ok=True)
    if media.exists():
        kept = media.parent / f"{media.name}.before-restore-{datetime.datetime.now():%Y%m%d-%H%M%S}"
        media.rename(kept)
        say(f"de hidtidige filer er flyttet til {kept}")
    unpacked.rename(media)
    shutil.rmtree(staging, ignore_errors=True)
    say(f"database og filer er lagt tilbage fra {source}")
