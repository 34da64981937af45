"""The container's health check: GET /healthz from inside, the way the proxy sends it.

    python -m config.healthcheck      # exit 0 when /healthz answers 200, else 1

With DEBUG off, Django redirects plain HTTP to HTTPS and refuses a Host it does not serve,
so a bare request to 127.0.0.1 could never pass. This one names the first of ALLOWED_HOSTS
and says it came over HTTPS (X-Forwarded-Proto), as the TLS proxy in front does. Plain
Python, no Django: it runs every 30 s and must be cheap.
"""

import os
import sys
import urllib.error
import urllib.request


def probe(port, host, timeout=5):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        headers={"Host": host, "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError as error:
        return None, str(error).encode()


def main():
    port = os.environ.get("PORT", "8000")
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = next((h.lstrip(".") for h in hosts if h != "*"), "localhost")
    status, body = probe(port, host)
    if status != 200:
        text = body[:300].decode(errors="replace")
        sys.stderr.write(f"/healthz: {status or 'intet svar'} {text}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
