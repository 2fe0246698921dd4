// A local replica of Opendatasoft portals: data.issy.com and a second portal,
// opendata.ville-exemple.fr, with the pages and the cookies such portals set, over HTTP and HTTPS
// (a self-signed certificate made at start). Tests map both host names to it.
// Run by hand: `node tests/replica/server.mjs` prints its ports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name) => readFileSync(join(here, '..', 'fixtures', name), 'utf8');
const DAY = 24 * 3600;

export const HOSTS = ['data.issy.com', 'issy.com', 'geo.issy.com', 'opendata.ville-exemple.fr', 'ville-exemple.fr', 'elsewhere.example'];

/** A certificate for every replica host, made with openssl. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'temoin-replica-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', key, '-out', cert, '-subj', '/CN=data.issy.com',
    '-addext', `subjectAltName=${HOSTS.flatMap((h) => [`DNS:${h}`, `DNS:*.${h}`]).join(',')}`,
  ], { stdio: 'ignore' });
  const pair = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

const cookie = (name, value, attributes) => [`${name}=${value}`, ...attributes].join('; ');

function hasCookie(request, name) {
  return (request.headers.cookie ?? '').split(/;\s*/).some((pair) => pair.startsWith(`${name}=`));
}

/** Set-Cookie headers for the cookies a request does not carry yet. */
function missing(request, cookies) {
  return cookies.filter(([name]) => !hasCookie(request, name)).map(([name, value, attributes]) => cookie(name, value, attributes));
}

/**
 * What a hostile portal page puts in front of Témoin (`?hostile=1`): a link to an account action
 * whose address and text say "cookie", cookies and storage keys named like others with invisible or
 * look-alike characters, 80 000 storage keys, and a consent record with the keys of Object's
 * prototype, dated 2099.
 */
const hostileScript = `
  for (const name of ['sessionid\\u200b', 'sessi\\u043enid', '\\u202edisnoisses']) {
    document.cookie = name + '=x; max-age=86400; path=/';
  }
  // Written as text: in an object literal, __proto__ would set the prototype, not a key.
  const record = '{"__proto__":true,"constructor":false,"toString":true,"functional_cookies":true,"ga":true,"timestamp":'
    + Date.UTC(2099, 0, 1) + '}';
  document.cookie = 'cookies_preferences=' + encodeURIComponent(record) + '; max-age=' + 395 * 86400 + '; path=/';
  sessionStorage.setItem('_hj\\u0456d', 'x');
  for (let i = 0; i < 80000; i++) localStorage.setItem('k' + i, '');
  document.getElementById('banner').hidden = true;
`;

/**
 * The home page. Its banner records « Tout accepter » or « Tout refuser » as the portal's
 * does. `misbehaving`: its scripts set a Google Ads cookie before any choice, and Matomo's
 * session cookie after a refusal (the two rules the CNIL checks first). `flood`: its scripts set
 * 1,200 cookies with long names and paths. `hostile`: see above.
 */
/**
 * Trackers that write from the page, asked for by query flags, each cookie with a fixed expiry
 * (the same for the whole run, and within the 400 days Chromium allows) so that writing the same
 * value again changes nothing: `pagehide` writes the Matomo id the page read
 * at load (or made) as the page is left, as Matomo's script does; `timer` writes its own id every
 * 100 ms; `oddpaths` writes two cookies at paths Chromium's API cannot address (`/a b`, `/é`).
 */
function trackerScript(flags, expiry) {
  const expires = `expires=${expiry}; path=/`;
  const parts = [`const read = (name) => document.cookie.split('; ').find((c) => c.startsWith(name + '='))?.slice(name.length + 1);`];
  if (flags.has('pagehide')) {
    parts.push(`
  const pkId = read('_pk_id.1.a1b2') ?? Math.random().toString(16).slice(2);
  document.cookie = '_pk_id.1.a1b2=' + pkId + '; ${expires}';
  addEventListener('pagehide', () => { document.cookie = '_pk_id.1.a1b2=' + pkId + '; ${expires}'; });`);
  }
  if (flags.has('timer')) {
    parts.push(`
  const ttId = read('_tt_visit') ?? Math.random().toString(16).slice(2);
  window.ticks = 0;
  setInterval(() => { document.cookie = '_tt_visit=' + ttId + '; ${expires}'; window.ticks++; }, 100);`);
  }
  if (flags.has('oddpaths')) {
    parts.push(`
  document.cookie = 'odd_space=1; expires=${expiry}; path=/a b';
  document.cookie = 'odd_accent=1; expires=${expiry}; path=/\u00e9';`);
  }
  return parts.length > 1 ? parts.join('\n') : '';
}

function homePage(title, behaviour, hostile = false, trackers = '') {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<header class="ods-front-header"><a href="/">${title}</a></header>
<main>
  <h1>${title}</h1>
  <div id="banner" hidden>
    <p>Ce site utilise des cookies.</p>
    <button id="accept" type="button">Tout accepter</button>
    <button id="refuse" type="button">Tout refuser</button>
  </div>
</main>
<footer class="ods-front-footer">${
  hostile ? '<a href="/account/logout/?next=cookie">Gérer mes cookies</a> <a href="/explore/?q=cookie">cookies</a> ' : ''
}<a href="/terms/cookies-policy/">Charte cookies</a> <a href="/pages/mentions-legales/">Mentions légales</a></footer>
<script>
  // What a tracker's script does: a first-party cookie written from the page, once per visitor.
  const has = (name) => document.cookie.split('; ').some((c) => c.startsWith(name + '='));
  if (!has('_hjSessionUser_3141')) {
    document.cookie = '_hjSessionUser_3141=eyJpZCI6IjQyIn0; max-age=' + 365 * 86400 + '; path=/';
  }
  if (!has('cookies_preferences')) {
    document.getElementById('banner').hidden = false;
  }
  const choose = (accepted) => () => {
    const choice = encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: accepted, matomo: accepted, timestamp: Date.now() }));
    document.cookie = 'cookies_preferences=' + choice + '; max-age=' + 182 * 86400 + '; path=/';
    location.reload();
  };
  document.getElementById('accept').onclick = choose(true);
  document.getElementById('refuse').onclick = choose(false);
  if (${JSON.stringify(behaviour)} === 'misbehaving') {
    const recorded = document.cookie.split('; ').find((c) => c.startsWith('cookies_preferences='));
    let choice = null;
    try { choice = recorded && JSON.parse(decodeURIComponent(recorded.slice('cookies_preferences='.length))); } catch {}
    if (!choice) {
      document.cookie = '_gcl_au=1.1.42.1764426000; max-age=' + 90 * 86400 + '; path=/';
    } else if (choice.matomo === false) {
      setTimeout(() => { document.cookie = '_pk_ses.1.a1b2=1; max-age=1800; path=/'; }, 200);
    }
  }
  if (${JSON.stringify(behaviour)} === 'flood') {
    // 1,200 cookies with names and paths as long as a browser accepts (4 096 bytes for name and
    // value, 1 024 for the path): the browser keeps some, evicts the rest, and reports each change.
    for (let i = 0; i < 1200; i++) {
      const name = '_flood' + String(i).padStart(4, '0') + '_' + 'n'.repeat(3000);
      const path = '/' + String(i).padStart(4, '0') + '/' + 'p'.repeat(1000);
      document.cookie = name + '=1; max-age=86400; path=' + path;
    }
    document.title += ' (inondé)';
  }
  ${hostile ? hostileScript : ''}
  ${trackers}
</script>
</body></html>`;
}

const matomoSection = `<h3>Cookies de mesure d'audience</h3>
<table><thead><tr><th>Nom du prestataire</th><th>Service et emplacement</th><th>Nom du cookies</th><th>Finalités</th></tr></thead><tbody>
<tr><td>Matomo</td><td>Statistiques de fréquentation (front office)</td><td>Tout cookie commençant par _pk_</td><td>Compter les visites de façon anonyme pour améliorer la plateforme</td></tr>
</tbody></table>
`;

/** The charter page as data.issy.com publishes it, or as a test wants it to be. */
const issyCharters = {
  published: () => ({ status: 200, body: fixture('charte-cookies-data.issy.com.html') }),
  // The portal added a statistics section declaring Matomo's cookies.
  extended: () => ({ status: 200, body: fixture('charte-cookies-data.issy.com.html').replace('</main>', `${matomoSection}</main>`) }),
  // The newer Opendatasoft template: no section heading, the category opens the paragraph above
  // a four-column table (supplier, name, duration, function).
  newer: () => ({ status: 200, body: fixture('charte-cookies-modele-recent.html') }),
  // A charter that declares the platform's cookies without saying whether they are necessary.
  unclear: () => ({
    status: 200,
    body: fixture('charte-cookies-modele-recent.html')
      .replace(/<p><strong>Cookies nécessaires[^\n]*\n/, '')
      .replace(/<p>Cookies de mesure[^\n]*\n/, ''),
  }),
  missing: () => ({ status: 404, body: '<!doctype html><title>Page introuvable</title><h1>404</h1>' }),
  // A page that never answers: the connection stays open, nothing is sent.
  hanging: () => ({ hang: true }),
  // A redirect to another site, which serves a charter to anyone (CORS).
  elsewhere: () => ({ status: 302, headers: { location: 'https://elsewhere.example/charte.html' }, body: '' }),
  // The charter's markup, served as a download that only names itself .html.
  octet: () => ({
    status: 200,
    type: 'application/octet-stream; name=charte.html',
    body: fixture('charte-cookies-data.issy.com.html'),
  }),
  // The charter inside about a megabyte of nested divisions, which chokes the browser's HTML parser.
  nested: () => ({
    status: 200,
    body: fixture('charte-cookies-data.issy.com.html').replace('<main class="ods-static-page">', `<main>${'<div>'.repeat(200_000)}`),
  }),
  // A purpose written as a spreadsheet formula behind a semicolon.
  formula: () => ({
    status: 200,
    body: fixture('charte-cookies-data.issy.com.html').replace(
      'Se souvenir du choix',
      'Se souvenir; =HYPERLINK("https://elsewhere.example/";"voir") du choix',
    ),
  }),
  garbage: () => ({ status: 200, body: '<table><tr><td>\u0000\u0001<<<>>>&&&;;;</td></table><<script' }),
};

/**
 * data.issy.com's legal notice: the publisher's address first, then the data protection officer's,
 * disguised against harvesters, in the row that names the DPO.
 */
const issyLegalNotice = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Mentions légales</title></head>
<body>
<header class="ods-front-header"><a href="/">Plateforme open data d'Issy-les-Moulineaux</a></header>
<main class="ods-static-page">
  <h1>Mentions légales</h1>
  <table>
    <tr><th>Éditeur</th><td>Ville d'Issy-les-Moulineaux — <a href="mailto:opendata@ville-issy.example">opendata@ville-issy.example</a></td></tr>
    <tr><th>Délégué à la protection des données</th><td>Direction des affaires juridiques, dpo-ville (at) ville-issy (dot) example</td></tr>
    <tr><th>Hébergement</th><td>Opendatasoft</td></tr>
  </table>
</main>
</body></html>`;

/** The portals the replica serves, by host name. */
function sites(state) {
  return {
    'data.issy.com': {
      title: "Plateforme open data d'Issy-les-Moulineaux",
      charter: () => issyCharters[state.issyCharter](),
      legalNotice: issyLegalNotice,
      cookies: (secure) => [
        ['csrftoken', 'Zq8Xr2cNw4eVb7TgH1kLp0sDm5yAu3fJ', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']],
        ['sessionid', '6v0ft0q3w3b2x1xkz9l1m8n7o6p5q4r3', [`Max-Age=${14 * DAY}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']],
        ['django_language', 'fr', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']],
        // Google Analytics on the parent domain, as its script would set it.
        ['_ga', 'GA1.2.1402836751.1764426000', [`Max-Age=${730 * DAY}`, 'Path=/', 'Domain=issy.com', 'SameSite=Lax']],
        // Matomo, which the portal's charter declares only once it is extended.
        ['_pk_id.1.a1b2', '5c8e2f7a9b1d3e4f.1764426000.', [`Max-Age=${395 * DAY}`, 'Path=/', 'SameSite=Lax']],
        // A CHIPS cookie, partitioned under the top-level site (HTTPS only).
        ...(secure ? [['ods_embed', 'e1', [`Max-Age=${30 * DAY}`, 'Path=/', 'Secure', 'SameSite=None', 'Partitioned']]] : []),
      ],
    },
    // A second portal on the same parent domain, covered without asking: Témoin holds *.issy.com.
    'geo.issy.com': {
      title: 'Issy — Données géographiques',
      charter: () => issyCharters.published(),
      cookies: () => [
        ['csrftoken', 'Geo8Xr2cNw4eVb7TgH1kLp0sDm5yAu3f', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']],
        ['sessionid', 'geo0ft0q3w3b2x1xkz9l1m8n7o6p5q4', [`Max-Age=${14 * DAY}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']],
        ...Array.from({ length: 12 }, (_, i) => [`_geo_tracker_${i}`, `g${i}`, [`Max-Age=${30 * DAY}`, 'Path=/', 'SameSite=Lax']]),
      ],
    },
    'opendata.ville-exemple.fr': {
      title: 'Ville Exemple — Open data',
      charter: () => ({ status: 200, body: fixture('portal-ville-exemple-cookie-policy.html') }),
      cookies: () => [
        ['sessionid', 'a1b2c3d4e5f6', [`Max-Age=${14 * DAY}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']],
        ['csrftoken', 'f6e5d4c3b2a1', [`Max-Age=${365 * DAY}`, 'Path=/', 'SameSite=Lax']],
        ['_ga', 'GA1.2.99.1764426000', [`Max-Age=${395 * DAY}`, 'Path=/', 'Domain=ville-exemple.fr', 'SameSite=Lax']],
        ['_ga_X1Y2Z3', 'GS1.1.1764426000.1.0', [`Max-Age=${395 * DAY}`, 'Path=/', 'Domain=ville-exemple.fr', 'SameSite=Lax']],
        ['AWSALB', 'x9y8z7', [`Max-Age=${7 * DAY}`, 'Path=/']],
      ],
    },
  };
}

const consentValue = () =>
  encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: true, matomo: false, timestamp: Date.now() }));

function handle(state, request, response, secure) {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  const site = sites(state)[host];
  const url = new URL(request.url ?? '/', `http://${host}`);
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  state.requests.push({ host, path: `${url.pathname}${url.search}`, withCookies: Boolean(request.headers.cookie) });
  if (host === 'issy.com' && url.pathname === '/') {
    // The parent domain's own site: a host-only `_ga` and consent record of its own, and a
    // consent record it shares with its subdomains, under the same names as the portal's.
    response.writeHead(200, {
      ...html,
      'set-cookie': [
        cookie('_ga', 'GA1.1.issy-own', [`Max-Age=${30 * DAY}`, 'Path=/', 'SameSite=Lax']),
        cookie('cookies_preferences', 'issy-own', [`Max-Age=${30 * DAY}`, 'Path=/', 'SameSite=Lax']),
        cookie('cookies_preferences', 'shared', [`Max-Age=${30 * DAY}`, 'Path=/', 'Domain=issy.com', 'SameSite=Lax']),
      ],
    });
    response.end('<!doctype html><title>Issy-les-Moulineaux</title><p>Le site de la ville.</p>');
    return;
  }
  if (host === 'elsewhere.example' && url.pathname === '/charte.html') {
    response.writeHead(200, { ...html, 'access-control-allow-origin': '*' });
    response.end(fixture('charte-cookies-data.issy.com.html'));
    return;
  }
  if (!site) {
    response.writeHead(200, html);
    response.end('<!doctype html><title>Un autre site</title><p>Un site qui n’est pas un portail.</p>');
    return;
  }
  if (url.pathname === '/api/explore/v2.1/catalog/datasets') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ total_count: 0, results: [] }));
    return;
  }
  if (url.pathname === '/terms/cookies-policy/') {
    // Which of data.issy.com's charter pages answered: a test can tell a reading of the hanging page from a later one.
    if (host === 'data.issy.com') state.requests.at(-1).charter = state.issyCharter;
    const { status, body, hang, type, headers } = site.charter();
    if (hang) return; // closed only when the replica stops
    response.writeHead(status, { ...html, ...(type && { 'content-type': type }), ...headers });
    response.end(body);
    return;
  }
  if (url.pathname === '/pages/mentions-legales/' && site.legalNotice) {
    response.writeHead(200, html);
    response.end(site.legalNotice);
    return;
  }
  if (url.pathname !== '/') {
    response.writeHead(404, html);
    response.end('<!doctype html><h1>404</h1>');
    return;
  }
  // With the `pagehide` tracker, the page alone writes Matomo's id.
  const flags = new Set(url.searchParams.keys());
  const cookies = missing(request, site.cookies(secure).filter(([name]) => !(flags.has('pagehide') && name.startsWith('_pk_id'))));
  // `?consent=1` records the visitor's choice, as the portal's banner does.
  if (url.searchParams.has('consent')) {
    cookies.push(cookie('cookies_preferences', consentValue(), [`Max-Age=${182 * DAY}`, 'Path=/']));
  }
  response.writeHead(200, { ...html, 'set-cookie': cookies });
  response.end(homePage(site.title, state.behaviour, url.searchParams.has('hostile'), trackerScript(flags, state.expiry)));
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** Starts the replica on free ports of 127.0.0.1. */
export async function startReplica() {
  // The expiry the page trackers write: a fixed date, 200 days after the day the replica starts.
  const expiry = new Date((Math.floor(Date.now() / (DAY * 1000)) + 200) * DAY * 1000).toUTCString();
  const state = { issyCharter: 'published', behaviour: 'standard', requests: [], expiry };
  const plain = http.createServer((req, res) => handle(state, req, res, false));
  const secure = https.createServer(certificate(), (req, res) => handle(state, req, res, true));
  const [httpPort, httpsPort] = await Promise.all([listen(plain), listen(secure)]);
  return {
    httpPort,
    httpsPort,
    /** Which charter page data.issy.com serves: a key of `issyCharters`. */
    setIssyCharter(mode) {
      if (!(mode in issyCharters)) throw new Error(`no such charter: ${mode}`);
      state.issyCharter = mode;
    },
    /** How the portals' pages behave: 'standard', 'misbehaving' or 'flood' (see homePage). */
    setBehaviour(mode) {
      if (!['standard', 'misbehaving', 'flood'].includes(mode)) throw new Error(`no such behaviour: ${mode}`);
      state.behaviour = mode;
    },
    /**
     * Every request the replica received: host, path with query, whether it carried cookies, and
     * for data.issy.com's charter page which one it served (`charter`, a key of `issyCharters`).
     */
    requests: () => [...state.requests],
    close: () =>
      Promise.all(
        [plain, secure].map((server) => {
          server.closeAllConnections();
          return new Promise((resolve) => server.close(resolve));
        }),
      ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { httpPort, httpsPort } = await startReplica();
  console.log(`replica: http on 127.0.0.1:${httpPort}, https on 127.0.0.1:${httpsPort} for ${HOSTS.join(', ')}`);
}
