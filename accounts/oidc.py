"""Sign-in with the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Entra ID and the broker in front of MitID Erhverv both speak it. A person is matched by the
provider's issuer and subject (`sub`), never by e-mail address, so an address someone can
set at the provider never opens another account. Groups (or roles) in the claim named by
OIDC_ROLES_CLAIM are mapped to MunicipalityRoles by OIDC_ROLE_MAP; at every sign-in the
mapped roles are set to what the provider says, and roles the mapping does not mention are
left alone. A person the mapping gives no role is refused.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accounts.policy import IDP_MFA_SESSION_KEY
from core.models import Municipality, MunicipalityRole

logger = logging.getLogger(__name__)


def authentication_init(request):
    if not settings.OIDC_ENABLED:
        raise Http404
    return OIDCAuthenticationRequestView.as_view()(request)


def authentication_callback(request):
    if not settings.OIDC_ENABLED:
        raise Http404
    return OIDCAuthenticationCallbackView.as_view()(request)


def claim_values(claims, name):
    value = claims.get(name) or []
    if isinstance(value, str):
        value = value.split()
    return {str(item) for item in value}


def oidc_username(claims):
    digest = hashlib.sha256(f"{claims.get('iss', '')}|{claims['sub']}".encode()).hexdigest()
    return f"oidc-{digest[:40]}"


class MunicipalityOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Listed in AUTHENTICATION_BACKENDS always; inert until OIDC_RP_CLIENT_ID is set.
        if settings.OIDC_ENABLED:
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        # mozilla-django-oidc checks the signature and the nonce, not who the token is for.
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token issued for another client")
        if settings.OIDC_OP_ISSUER and payload.get("iss") != settings.OIDC_OP_ISSUER:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # Entra ID puts groups in the ID token, others in userinfo: read both.
        self._claims = {**payload, **super().get_userinfo(access_token, id_token, payload)}
        return self._claims

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=oidc_username(claims))

    def create_user(self, claims):
        user = self.UserModel(username=oidc_username(claims))
        user.set_unusable_password()
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.email = claims.get("email", user.email or "")
        user.first_name = claims.get("given_name", user.first_name or "")[:150]
        user.last_name = claims.get("family_name", user.last_name or "")[:150]
        if not (user.first_name or user.last_name) and claims.get("name"):
            user.first_name, _, user.last_name = claims["name"].rpartition(" ")
        user.save()
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        roles = self.mapped_roles(self._claims)
        if not roles:
            messages.error(
                self.request,
                _(
                    "Din bruger hos kommunen giver ikke adgang til Politikspor. Bed "
                    "kommunens it-afdeling om at tildele dig en rolle."
                ),
            )
            logger.warning("OIDC sign-in refused: no mapped role for %s", user.username)
            raise SuspiciousOperation("no role mapped")
        self.sync_roles(user, roles)
        trusted = set(settings.OIDC_MFA_AMR_VALUES)
        if trusted & claim_values(payload, "amr"):
            self.request.session[IDP_MFA_SESSION_KEY] = user.pk
        return user

    def mapped_roles(self, claims):
        """{(municipality_id, role)} the provider's claims grant."""
        values = claim_values(claims, settings.OIDC_ROLES_CLAIM)
        slugs = {slug for _, slug, _ in settings.OIDC_ROLE_MAP}
        ids = dict(Municipality.objects.filter(slug__in=slugs).values_list("slug", "id"))
        return {
            (ids[slug], role)
            for claim, slug, role in settings.OIDC_ROLE_MAP
            if claim in values and slug in ids
        }

    def sync_roles(self, user, granted):
        managed = {
            (municipality_id, role)
            for _, slug, role in settings.OIDC_ROLE_MAP
            for municipality_id in Municipality.objects.filter(slug=slug).values_list(
                "id", flat=True
            )
        }
        current = set(
            MunicipalityRole.objects.filter(user=user).values_list("municipality_id", "role")
        )
        for municipality_id, role in (current & managed) - granted:
            MunicipalityRole.objects.filter(
                user=user, municipality_id=municipality_id, role=role
            ).delete()
        for municipality_id, role in granted - current:
            MunicipalityRole.objects.create(user=user, municipality_id=municipality_id, role=role)
