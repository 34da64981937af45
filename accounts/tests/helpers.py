from django_otp.oath import TOTP

PASSWORD = "kodeord-til-test"  # core.tests.factories.UserFactory's


def current_code(device):
    """The six digits an authenticator app shows now for this device."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def code_from_secret(secret):
    import base64

    totp = TOTP(base64.b32decode(secret))
    return f"{totp.token():06d}"


def password_login(client, username, password=PASSWORD, url="/konto/log-ind/", **extra):
    return client.post(url, {"username": username, "password": password, **extra})
