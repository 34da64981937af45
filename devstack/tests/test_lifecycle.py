"""Each command stops only what it started, and a failed start leaves nothing running."""

import socket

import pytest

from devstack import backup, services, supervisor
from devstack.services import Postgres


@pytest.fixture
def var(tmp_path, monkeypatch):
    # As root pgserver runs PostgreSQL as another user, who must reach the directory.
    tmp_path.chmod(0o755)
    monkeypatch.setenv("POLITIKSPOR_VAR_DIR", str(tmp_path))
    for name in ("DATABASE_URL", "REDIS_URL", "POLITIKSPOR_PG_DIR", "MEDIA_ROOT"):
        monkeypatch.delenv(name, raising=False)
    yield tmp_path
    Postgres(tmp_path / "pg").stop(force=True)


@pytest.fixture
def taken_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_a_taken_redis_port_stops_the_postgresql_make_run_had_just_started(
    var, taken_port, monkeypatch
):
    monkeypatch.setenv("PORT", str(services.free_port()))
    monkeypatch.setenv("REDIS_PORT", str(taken_port))
    with pytest.raises(services.StackError, match=f"REDIS_PORT={taken_port + 1}"):
        supervisor.run()
    assert not Postgres(var / "pg").is_running()


def test_a_server_already_running_is_used_and_left_running(var):
    first = Postgres(var / "pg").start()
    assert first.started
    second = Postgres(var / "pg").start()
    assert not second.started
    second.stop()
    assert first.is_running()
    first.stop()
    assert not first.is_running()


def test_backup_and_restore_bring_back_the_database_and_the_uploads(var):
    postgres = Postgres(var / "pg").start()
    postgres.ensure_database("politikspor")
    postgres.psql("CREATE TABLE note (text text); INSERT INTO note VALUES ('før');", "politikspor")
    media = var / "media" / "hearings"
    media.mkdir(parents=True)
    (media / "svar.pdf").write_bytes(b"%PDF-1.4 original")

    saved = backup.backup(var / "backups" / "one")
    assert (saved / backup.DUMP).stat().st_size > 0

    postgres.psql("UPDATE note SET text = 'efter'; CREATE TABLE extra (x int);", "politikspor")
    (media / "svar.pdf").write_bytes(b"overwritten")
    (media / "new.pdf").write_bytes(b"new")

    backup.restore(saved)
    assert postgres.psql("SELECT text FROM note;", "politikspor").strip() == "før"
    assert (media / "svar.pdf").read_bytes() == b"%PDF-1.4 original"
    assert not (media / "new.pdf").exists()
    assert list(var.glob("media.before-restore-*"))  # the replaced files are kept aside
    postgres.stop(force=True)


def test_restore_refuses_a_folder_that_is_not_a_backup(var):
    with pytest.raises(services.StackError, match="findes ikke"):
        backup.restore(var / "nothing")
