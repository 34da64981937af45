"""A real OpenID Connect provider for the tests, built on Authlib's provider side.

The authorization code flow with PKCE and nonce, RS256-signed ID tokens, a JWKS, a userinfo
endpoint and the discovery document, served by Flask over HTTP on 127.0.0.1 in a thread:
the same conversation Politikspor has with Entra ID or the broker in front of MitID
Erhverv. Nothing of Politikspor's is replaced; the provider's users sign in on its own form.
"""

import secrets
import threading
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin, grants
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, jsonify, request
from joserfc.jwk import KeySet, RSAKey
from markupsafe import escape
from werkzeug.serving import make_server

SCOPES = {"openid", "email", "profile", "groups"}

LOGIN_FORM = """<!doctype html><html lang="en"><head><title>Municipal sign-in</title></head>
<body><main><h1>Test municipality: sign in</h1>{error}
<form method="post">
<label for="username">User</label><input id="username" name="username">
<label for="password">Password</label><input id="password" name="password" type="password">
<button type="submit">Sign in</button></form></main></body></html>"""


class Client(ClientMixin):
    def __init__(self, client_id, client_secret, redirect_uris):
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris = redirect_uris

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope):
        return " ".join(s for s in (scope or "").split() if s in SCOPES)

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret or "", self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_post", "client_secret_basic")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


class Code(AuthorizationCodeMixin):
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return self.user.get("amr")


class Token(TokenMixin):
    def __init__(self, data, client_id, user):
        self.data, self.client_id, self.user = data, client_id, user
        self.issued_at = time.time()

    def check_client(self, client):
        return client.get_client_id() == self.client_id

    def get_scope(self):
        return self.data.get("scope", "")

    def get_expires_in(self):
        return self.data.get("expires_in", 3600)

    def is_expired(self):
        return time.time() > self.issued_at + self.get_expires_in()

    def is_revoked(self):
        return False

    def get_user(self):
        return self.user

    def get_client(self):
        return None


class Provider:
    """Start with `with Provider(users) as provider:`; register a client, sign users in."""

    def __init__(self, users):
        # username -> {"password", "sub", "email", "name", "groups", "amr"}
        self.users = users
        self.clients = {}
        self.codes = {}
        self.tokens = {}
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key-1", "use": "sig"})
        self.app = self._build()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(10)

    def register_client(self, redirect_uri):
        client = Client(f"politikspor-{secrets.token_hex(4)}", secrets.token_urlsafe(24),
                        [redirect_uri])  # fmt: skip
        self.clients[client.client_id] = client
        return client

    def endpoint(self, path):
        return self.issuer + path

    def settings_for(self, client):
        """What a deployment puts in its environment (see .env.example)."""
        return {
            "OIDC_RP_CLIENT_ID": client.client_id,
            "OIDC_RP_CLIENT_SECRET": client.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.endpoint("/authorize"),
            "OIDC_OP_TOKEN_ENDPOINT": self.endpoint("/token"),
            "OIDC_OP_USER_ENDPOINT": self.endpoint("/userinfo"),
            "OIDC_OP_JWKS_ENDPOINT": self.endpoint("/jwks"),
            "OIDC_OP_ISSUER": self.issuer,
        }

    def _build(self):
        provider = self
        app = Flask("politikspor-test-oidc-provider")

        class CodeGrant(grants.AuthorizationCodeGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code, request):
                data = request.payload.data
                provider.codes[code] = Code(
                    code=code,
                    client_id=request.client.get_client_id(),
                    redirect_uri=request.payload.redirect_uri,
                    scope=request.scope,
                    user=request.user,
                    nonce=data.get("nonce"),
                    auth_time=int(time.time()),
                    code_challenge=data.get("code_challenge"),
                    code_challenge_method=data.get("code_challenge_method"),
                )

            def query_authorization_code(self, code, client):
                found = provider.codes.get(code)
                if found and found.client_id == client.get_client_id():
                    return found
                return None

            def delete_authorization_code(self, authorization_code):
                provider.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code):
                return authorization_code.user

        class OpenIDCodeExtension(OpenIDCode):
            def exists_nonce(self, nonce, request):
                return any(c.nonce == nonce for c in provider.codes.values())

            def resolve_client_private_key(self, client):
                return provider.key

            def get_client_algorithm(self, client):
                return "RS256"

            def get_encode_header(self, client):
                return {"alg": "RS256", "kid": provider.key.kid}

            def get_client_claims(self, client):
                return {"iss": provider.issuer, "aud": [client.get_client_id()]}

            def generate_user_info(self, user, scope):
                return user_info(user, scope)

        def user_info(user, scope):
            info = UserInfo(sub=user["sub"])
            if "email" in scope:
                info["email"] = user["email"]
            if "profile" in scope:
                info["name"] = user["name"]
                info["given_name"], _, info["family_name"] = user["name"].rpartition(" ")
            if "groups" in scope:
                info["groups"] = user.get("groups", [])
            return info

        def save_token(token, request):
            provider.tokens[token["access_token"]] = Token(
                token, request.client.get_client_id(), request.user
            )

        server = AuthorizationServer(app, query_client=provider.clients.get, save_token=save_token)
        server.register_grant(CodeGrant, [OpenIDCodeExtension(require_nonce=True),
                                          CodeChallenge(required=True)])  # fmt: skip

        class Validator(BearerTokenValidator):
            def authenticate_token(self, token_string):
                return provider.tokens.get(token_string)

        protect = ResourceProtector()
        protect.register_token_validator(Validator())

        @app.route("/.well-known/openid-configuration")
        def discovery():
            return jsonify(
                issuer=provider.issuer,
                authorization_endpoint=provider.endpoint("/authorize"),
                token_endpoint=provider.endpoint("/token"),
                userinfo_endpoint=provider.endpoint("/userinfo"),
                jwks_uri=provider.endpoint("/jwks"),
                response_types_supported=["code"],
                subject_types_supported=["public"],
                id_token_signing_alg_values_supported=["RS256"],
                code_challenge_methods_supported=["S256"],
                scopes_supported=sorted(SCOPES),
            )

        @app.route("/authorize", methods=["GET", "POST"])
        def authorize():
            if request.method == "GET":
                server.get_consent_grant(end_user=None)  # validates client, redirect, PKCE
                return LOGIN_FORM.format(error="")
            user = provider.users.get(request.form.get("username", ""))
            if user is None or not secrets.compare_digest(
                request.form.get("password", ""), user["password"]
            ):
                error = f"<p role='alert'>Unknown user {escape(request.form.get('username'))}</p>"
                return LOGIN_FORM.format(error=error), 200
            return server.create_authorization_response(grant_user=user)

        @app.route("/token", methods=["POST"])
        def token():
            return server.create_token_response()

        @app.route("/userinfo")
        @protect("openid")
        def userinfo():
            from authlib.integrations.flask_oauth2 import current_token

            return jsonify(user_info(current_token.user, current_token.get_scope()))

        @app.route("/jwks")
        def jwks():
            return jsonify(KeySet([provider.key]).as_dict(private=False))

        return app
