"""What a person and an operator rely on, checked through Nginx at https://pa.test from inside the container's network
namespace (the controller root maps pa.test to 127.0.0.1 and trusts Pebble's root). Each stage prints one line per
check and exits non-zero on the first failure.

  http_checks.py site               SPA, headers, sign-up/sign-in/me, Twilio webhooks, OIDC start, routes, rate limits
  http_checks.py signin             the account made by `site` still signs in and reads `me`
  http_checks.py prometheus         targets up, rules loaded, every dashboard panel's query returns data
  http_checks.py loop STOPFILE OUT  requests through Nginx until STOPFILE exists; OUT gets the status counts
"""
import base64
import collections
import concurrent.futures
import gzip
import hashlib
import hmac
import http.client
import json
import os
import re
import ssl
import sys
import time
import urllib.parse
import urllib.request

HOST = "pa.test"
RUN = "/run/pa-test"
CTX = ssl.create_default_context(cafile=f"{RUN}/pebble-root.pem")
ACCOUNT_FILE = f"{RUN}/account.json"
ACCOUNT = {"email": f"converge-{os.urandom(4).hex()}@pa.test", "password": "Converge-lane-2026!long enough",
           "displayName": "Lane", "timeZone": "Europe/Paris"}
SECURITY_HEADERS = ["strict-transport-security", "x-content-type-options", "x-frame-options", "referrer-policy",
                    "content-security-policy"]


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        sys.exit(1)


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPSConnection(HOST, 443, context=CTX, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    conn.close()
    return res.status, res.headers, data


def graphql(query, variables=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    status, headers_, data = request("POST", "/graphql", json.dumps({"query": query, "variables": variables or {}}),
                                     headers)
    return status, headers_, json.loads(data)


def secrets():
    values = {}
    for line in open(f"{RUN}/secrets.yml"):
        m = re.match(r'^(\w+): "?([^"]*)"?\s*$', line)
        if m:
            values[m.group(1)] = m.group(2)
    return values


def twilio_signature(token, url, params):
    payload = url + "".join(k + params[k] for k in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()).decode()


def headers_once(headers, where):
    for name in SECURITY_HEADERS:
        check(len(headers.get_all(name) or []) == 1, f"{name} exactly once on {where}")
    hsts = headers.get("strict-transport-security", "")
    m = re.search(r"max-age=(\d+)", hsts)
    check(m is not None and int(m.group(1)) >= 31536000, f"HSTS of at least a year on {where} ({hsts})")


def sign_in():
    ACCOUNT.update(json.load(open(ACCOUNT_FILE)))
    status, _, body = graphql("mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }",
                              {"i": {"email": ACCOUNT["email"], "password": ACCOUNT["password"]}})
    token = body["data"]["login"]["accessToken"]
    check(status == 200 and token, f"login answers an access token ({body['data']['login']['userErrors']})")
    status, _, body = graphql("{ me { email displayName } }", token=token)
    check(body["data"]["me"]["email"] == ACCOUNT["email"], "me names the signed-in account")
    return token


def stage_site():
    status, headers, body = request("GET", "/")
    page = body.decode()
    check(status == 200 and '<div id="root">' in page, "the SPA's page loads at /")
    headers_once(headers, "/")
    asset = re.search(r'src="(/assets/[^"]+\.js)"', page).group(1)
    status, headers, body = request("GET", asset, headers={"Accept-Encoding": "gzip"})
    check(status == 200 and headers.get("content-encoding") == "gzip" and len(gzip.decompress(body)) > 1000,
          f"static asset {asset} served gzipped")
    headers_once(headers, asset)
    # The SPA's page is a static file too: the app sends the copy the ui build compressed, never one made per request.
    status, headers, body = request("GET", "/today", headers={"Accept-Encoding": "gzip"})
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    check(status == 200 and body.decode() == page and "accept-encoding" in headers.get("vary", "").lower(),
          f"client-side route /today: the SPA's page ({headers.get('content-encoding')}, vary {headers.get('vary')})")

    # register answers alike for a new and a taken address (it never says which); login then proves the account exists.
    status, headers, body = graphql("mutation($i: RegisterInput!) { register(input: $i) { userErrors { code } } }",
                                    {"i": ACCOUNT})
    check(status == 200 and body.get("data", {}).get("register", {}).get("userErrors") == [],
          f"sign-up over GraphQL ({body})")
    json.dump(ACCOUNT, open(ACCOUNT_FILE, "w"))
    headers_once(headers, "/graphql")
    check(headers.get("content-encoding") is None, "GraphQL answers are not compressed")
    sign_in()

    status, headers, _ = request("GET", "/observe/health")
    check(status == 403, f"/observe through Nginx is refused ({status})")
    headers_once(headers, "Nginx's own error page (403)")
    status, headers, _ = request("GET", "/graphql/no-such-thing")
    check(status == 404, f"an unknown server path is a 404 ({status})")
    headers_once(headers, "the app's 404")

    http_conn = http.client.HTTPConnection("127.0.0.1", 80, timeout=10)
    http_conn.request("GET", "/today?x=1", headers={"Host": "evil.example"})
    res = http_conn.getresponse()
    check(res.status == 301 and res.headers["Location"] == "https://pa.test/today?x=1",
          f"HTTP redirects to the configured name, whatever Host says ({res.headers['Location']})")

    token = secrets()["vault_twilio_auth_token"]
    params = {"MessageSid": "SM" + os.urandom(16).hex(), "AccountSid": "AC0123456789abcdef0123456789abcdef",
              "From": "+15005550001", "To": "+15005550006", "Body": "buy milk tomorrow", "NumMedia": "0"}
    form = urllib.parse.urlencode(params)
    form_headers = {"Content-Type": "application/x-www-form-urlencoded",
                    "X-Twilio-Signature": twilio_signature(token, f"https://{HOST}/sms/twilio", params)}
    status, headers, body = request("POST", "/sms/twilio", form, form_headers)
    check(status == 200 and b"<Response" in body, f"a signed Twilio request to /sms/twilio gets TwiML ({status} {body[:80]!r})")
    status, _, _ = request("POST", "/sms/twilio", form, {"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 403, f"an unsigned one is refused ({status})")
    status_params = {"MessageSid": "SM" + os.urandom(16).hex(), "MessageStatus": "delivered",
                     "AccountSid": "AC0123456789abcdef0123456789abcdef"}
    status, _, _ = request("POST", "/sms/twilio/status", urllib.parse.urlencode(status_params),
                           {"Content-Type": "application/x-www-form-urlencoded",
                            "X-Twilio-Signature": twilio_signature(token, f"https://{HOST}/sms/twilio/status", status_params)})
    check(status in (200, 204), f"a signed delivery report to /sms/twilio/status is taken ({status})")

    for provider in ("google", "microsoft"):
        status, headers, _ = request("GET", f"/auth/oidc/{provider}/start")
        location = headers.get("location", "")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
        check(status in (302, 303) and location.startswith(f"http://127.0.0.1:9400/{provider}/authorize?"),
              f"/auth/oidc/{provider}/start redirects to the provider ({status} {location[:60]})")
        check(query.get("redirect_uri") == [f"https://{HOST}/auth/oidc/{provider}/callback"],
              f"with the exact callback URI {query.get('redirect_uri')}")
        status, _, _ = request("GET", f"/auth/oidc/{provider}/callback?state=x&code=y")
        check(status in (302, 303), f"/auth/oidc/{provider}/callback is a route of the app ({status})")
    for provider in ("google", "microsoft"):
        # A callback with a state nobody started stores nothing and sends the person back to the Integrations page.
        status, headers, _ = request("GET", f"/oauth/{provider}/callback?state=x&code=y")
        check(status in (302, 303) and "/settings/integrations" in headers.get("location", ""),
              f"/oauth/{provider}/callback is a route of the app ({status} {headers.get('location', '')[:60]})")

    # Sequential where the limit is low enough for one client to pass it. Concurrent unsigned POSTs to /sms/twilio
    # have been seen to leave requests unanswered for 30 s through Nginx (reported; not this check's subject).
    def limited(path, method="GET", count=80, body=None, headers=None, clients=1):
        def one(_):
            try:
                return request(method, path, body, headers)[0]
            except OSError as e:
                return type(e).__name__
        with concurrent.futures.ThreadPoolExecutor(clients) as pool:
            return collections.Counter(pool.map(one, range(count)))

    statuses = limited("/auth/oidc/google/start", count=25)
    check(statuses[429] > 0, f"rate limit on /auth/oidc/ ({dict(statuses)})")
    statuses = limited("/oauth/google/callback", count=25)
    check(statuses[429] > 0, f"rate limit on /oauth/ ({dict(statuses)})")
    statuses = limited("/sms/twilio", "POST", 40, form, {"Content-Type": "application/x-www-form-urlencoded"})
    check(statuses[429] > 0 and statuses[500] + statuses[502] == 0, f"rate limit on /sms/twilio ({dict(statuses)})")
    statuses = limited("/graphql", "POST", 200, '{"query":"{ __typename }"}', {"Content-Type": "application/json"}, 8)
    check(statuses[429] > 0, f"rate limit on /graphql ({dict(statuses)})")


def stage_signin():
    sign_in()


def prometheus(path):
    with urllib.request.urlopen(f"http://127.0.0.1:9090{path}", timeout=10) as res:
        return json.load(res)["data"]


def stage_prometheus():
    deadline = time.time() + 120
    while True:
        targets = prometheus("/api/v1/targets")["activeTargets"]
        down = [f"{t['labels']['job']} {t['scrapeUrl']}: {t['lastError']}" for t in targets if t["health"] != "up"]
        if not down or time.time() > deadline:
            break
        time.sleep(3)
    check(not down, f"{len(targets)} scrape targets up {down}")
    jobs = sorted({t["labels"]["job"] for t in targets})
    check(jobs == ["node", "personal-assistant", "personal-assistant-ready", "postgresql", "prometheus", "redis", "tls"],
          f"jobs {jobs}")
    rules = [r["name"] for g in prometheus("/api/v1/rules")["groups"] for r in g["rules"]]
    check(len(rules) == 12, f"{len(rules)} alert rules loaded")
    dashboard = json.load(open("/src/ansible/roles/monitoring/files/dashboards/personal-assistant.json"))
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            deadline = time.time() + 90
            while True:
                result = prometheus("/api/v1/query?" + urllib.parse.urlencode({"query": target["expr"]}))["result"]
                if result or time.time() > deadline:
                    break
                time.sleep(5)
            check(len(result) > 0, f"panel '{panel['title']}' has data ({len(result)} series)")


def stage_loop(stop_file, out):
    counts = collections.Counter()
    started = time.time()
    while not os.path.exists(stop_file) and time.time() - started < 900 and sum(counts.values()) < 20000:
        for method, path, body in (("GET", "/", None), ("POST", "/graphql", '{"query":"{ __typename }"}')):
            try:
                status = request(method, path, body, {"Content-Type": "application/json"})[0]
            except OSError as e:
                status = type(e).__name__
            counts[status] += 1
        time.sleep(0.1)
    json.dump({str(k): v for k, v in counts.items()}, open(out, "w"))


if __name__ == "__main__":
    stage = sys.argv[1]
    {"site": stage_site, "signin": stage_signin, "prometheus": stage_prometheus}.get(stage, lambda: None)()
    if stage == "loop":
        stage_loop(sys.argv[2], sys.argv[3])
