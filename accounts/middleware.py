"""Two rules for every signed-in request, /admin/ included.

1. A session idle for longer than STAFF_IDLE_MINUTES is signed out (the absolute limit is
   SESSION_COOKIE_AGE).
2. An editor, admin or superuser without a second factor in this session reaches only the
   pages that give one (enrolment, the code prompt) and signing out.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.policy import has_enrolled, needs_two_factor, session_has_second_factor

LAST_SEEN_SESSION_KEY = "accounts_last_seen"
# Record activity at most this often, so a busy session is not saved on every request.
LAST_SEEN_RESOLUTION_SECONDS = 60

# Views a signed-in user without a second factor may still reach.
OPEN_WITHOUT_SECOND_FACTOR = {
    "login",
    "logout",
    "two_factor_verify",
    "two_factor_setup",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "set_language",
    "healthz",
}


def start_idle_clock(sender, request, user, **kwargs):
    """Connected to user_logged_in (accounts.apps): the idle clock starts at sign-in."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_SESSION_KEY] = int(time.time())


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if last_seen and now - last_seen > settings.STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("Du er logget ud, fordi du ikke har været aktiv i %(minutes)d minutter.")
                    % {"minutes": settings.STAFF_IDLE_MINUTES},
                )
                return redirect_to_login(request.get_full_path())
            if not last_seen or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not needs_two_factor(user):
            return None
        match = request.resolver_match
        if match and match.url_name in OPEN_WITHOUT_SECOND_FACTOR:
            return None
        if session_has_second_factor(request):
            return None
        target = "two_factor_verify" if has_enrolled(user) else "two_factor_setup"
        return redirect(
            f"{reverse(target)}?{urlencode({'next': request.get_full_path()}, safe='/')}"
        )
