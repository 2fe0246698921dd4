// A local replica of data.issy.com: the pages and the cookies the portal sets, over HTTP and
// HTTPS (a self-signed certificate made on first use). Tests map data.issy.com to it.
// Run by hand: `node tests/replica/server.mjs` prints its ports.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DAY = 24 * 3600;

/** A certificate for data.issy.com and issy.com, made with openssl once per checkout. */
function certificate() {
  const dir = join(here, '..', '.tmp');
  const key = join(dir, 'replica-key.pem');
  const cert = join(dir, 'replica-cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-keyout', key, '-out', cert, '-subj', '/CN=data.issy.com',
      '-addext', 'subjectAltName=DNS:data.issy.com,DNS:issy.com,DNS:*.issy.com',
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function cookieHeader(name, value, attributes) {
  return [`${name}=${value}`, ...attributes].join('; ');
}

/** The cookies the portal sets on every page, as Opendatasoft does. */
function portalCookies(request, secure) {
  const has = (name) => (request.headers.cookie ?? '').split(/;\s*/).some((pair) => pair.startsWith(`${name}=`));
  const cookies = [];
  if (!has('csrftoken')) cookies.push(cookieHeader('csrftoken', 'Zq8Xr2cNw4eVb7TgH1kLp0sDm5yAu3fJ', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']));
  if (!has('sessionid')) cookies.push(cookieHeader('sessionid', '6v0ft0q3w3b2x1xkz9l1m8n7o6p5q4r3', [`Max-Age=${14 * DAY}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']));
  if (!has('django_language')) cookies.push(cookieHeader('django_language', 'fr', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']));
  // Google Analytics on the parent domain, as its script would set it.
  if (!has('_ga')) cookies.push(cookieHeader('_ga', 'GA1.2.1402836751.1764426000', [`Max-Age=${730 * DAY}`, 'Path=/', 'Domain=issy.com', 'SameSite=Lax']));
  if (secure && !has('ods_embed')) {
    // A CHIPS cookie, partitioned under the top-level site.
    cookies.push(cookieHeader('ods_embed', 'e1', [`Max-Age=${30 * DAY}`, 'Path=/', 'Secure', 'SameSite=None', 'Partitioned']));
  }
  return cookies;
}

const consentValue = () =>
  encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: true, matomo: false, timestamp: Date.now() }));

function homePage() {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Issy-les-Moulineaux — Open Data</title></head>
<body>
<header class="ods-front-header"><a href="/">data.issy.com</a></header>
<main>
  <h1>Plateforme open data d'Issy-les-Moulineaux</h1>
  <div id="banner" hidden>
    <p>Ce site utilise des cookies.</p>
    <button id="accept" type="button">Tout accepter</button>
  </div>
</main>
<footer class="ods-front-footer"><a href="/terms/cookies-policy/">Charte cookies</a></footer>
<script>
  // What a tracker's script does: a first-party cookie written from the page, once per visitor.
  const has = (name) => document.cookie.split('; ').some((c) => c.startsWith(name + '='));
  if (!has('_hjSessionUser_3141')) {
    document.cookie = '_hjSessionUser_3141=eyJpZCI6IjQyIn0; max-age=' + 365 * 86400 + '; path=/';
  }
  if (!has('cookies_preferences')) {
    document.getElementById('banner').hidden = false;
  }
  document.getElementById('accept').onclick = () => {
    const choice = encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: true, timestamp: Date.now() }));
    document.cookie = 'cookies_preferences=' + choice + '; max-age=' + 182 * 86400 + '; path=/';
    location.reload();
  };
</script>
</body></html>`;
}

function charterPage() {
  const text = readFileSync(join(here, '..', 'fixtures', 'charte-cookies-data.issy.com.html'), 'utf8');
  return text;
}

function handle(request, response, secure) {
  const url = new URL(request.url ?? '/', 'http://data.issy.com');
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (url.pathname === '/api/explore/v2.1/catalog/datasets') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ total_count: 0, results: [] }));
    return;
  }
  if (url.pathname === '/terms/cookies-policy/') {
    response.writeHead(200, headers);
    response.end(charterPage());
    return;
  }
  if (url.pathname === '/favicon.ico') {
    response.writeHead(404);
    response.end();
    return;
  }
  const cookies = portalCookies(request, secure);
  // `?consent=1` records the visitor's choice, as the portal's banner does.
  if (url.searchParams.has('consent')) {
    cookies.push(cookieHeader('cookies_preferences', consentValue(), [`Max-Age=${182 * DAY}`, 'Path=/']));
  }
  response.writeHead(200, { ...headers, 'set-cookie': cookies });
  response.end(homePage());
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** Starts the replica on free ports of 127.0.0.1. */
export async function startReplica() {
  const plain = http.createServer((req, res) => handle(req, res, false));
  const secure = https.createServer(certificate(), (req, res) => handle(req, res, true));
  const [httpPort, httpsPort] = await Promise.all([listen(plain), listen(secure)]);
  return {
    httpPort,
    httpsPort,
    close: () => Promise.all([plain, secure].map((s) => new Promise((r) => s.close(r)))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { httpPort, httpsPort } = await startReplica();
  console.log(`replica of data.issy.com: http on 127.0.0.1:${httpPort}, https on 127.0.0.1:${httpsPort}`);
}
