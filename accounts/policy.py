"""Who must use a second factor, and whether this session has one."""

from django_otp import user_has_device

from core.access import Reader

# Set on the session when the municipality's identity provider vouched for a second
# factor (its `amr` claim); holds the user's id.
IDP_MFA_SESSION_KEY = "accounts_idp_mfa_user"


def needs_two_factor(user):
    """Editors and admins of a municipality, and superusers: everyone who can change or
    see drafts and closed items."""
    return Reader.of(user).needs_second_factor


def session_has_second_factor(request):
    user = request.user
    if getattr(user, "is_verified", None) and user.is_verified():
        return True
    return request.session.get(IDP_MFA_SESSION_KEY) == user.pk


def has_enrolled(user):
    return user_has_device(user, confirmed=True)
