import socket

import pytest

from devstack import services, supervisor


@pytest.fixture
def taken_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_a_taken_web_port_names_the_port_and_the_variable(taken_port, monkeypatch):
    monkeypatch.setenv("PORT", str(taken_port))
    with pytest.raises(services.StackError) as error:
        supervisor.run()
    assert str(taken_port) in str(error.value)
    assert f"PORT={taken_port + 1} make run" in str(error.value)


def test_a_taken_redis_port_names_the_port_and_the_variable(taken_port, tmp_path):
    with pytest.raises(services.StackError) as error:
        services.Redis(taken_port, tmp_path).start()
    assert f"REDIS_PORT={taken_port + 1}" in str(error.value)
