"""Serves OpenID Connect discovery documents for /google and /microsoft on 127.0.0.1:9400, as the providers do: the
converge lane checks that the app's start URL redirects to the provider's authorization endpoint with the exact
callback URI. No sign-in happens here."""
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE = "http://127.0.0.1:9400"


class Provider(BaseHTTPRequestHandler):
    # Keep-alive, as Google's and Microsoft's servers speak: the HTTP/1.0 default closed every connection after its
    # answer, and the app's client, reusing one it had pooled, sometimes found it closed.
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        name = self.path.strip("/").split("/")[0]
        issuer = f"{BASE}/{name}"
        if self.path == f"/{name}/.well-known/openid-configuration":
            body = {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/authorize",
                "token_endpoint": f"{issuer}/token",
                "jwks_uri": f"{issuer}/jwks",
                "userinfo_endpoint": f"{issuer}/userinfo",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
            }
        elif self.path == f"/{name}/jwks":
            body = {"keys": []}
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", 9400), Provider).serve_forever()
