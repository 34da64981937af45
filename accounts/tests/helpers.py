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


def give_session_a_second_factor(client, user):
    """What accounts.views.two_factor_verify leaves in the session: a verified TOTP device,
    for a user who must use one. Used where a test's log-in stands for a finished sign-in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.policy import needs_two_factor

    if needs_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
