/**
 * `/api/docs`: a self-contained, script-light page listing every route of the OpenAPI document (no CDN: the
 * servers of a collectivité often have no internet access, and the CSP allows only our own scripts).
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API Mutualab</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
h1{color:#1d3f8f}code,pre{background:#f2f3f7;border-radius:4px;padding:.1rem .3rem}
.route{border:1px solid #d6d9e3;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;color:#1d3f8f}
details pre{white-space:pre-wrap;font-size:.85rem}
</style></head>
<body><main><h1>API Mutualab</h1>
<p>Document OpenAPI : <a href="/api/openapi.json"><code>/api/openapi.json</code></a>. Authentification : cookie de session
(navigateur) ou <code>Authorization: Bearer &lt;jeton&gt;</code> obtenu par <code>POST /api/auth/login</code>.
Erreurs : <code>{"error":{"code","message","details"?}}</code>.</p>
<div id="routes" aria-live="polite">Chargement…</div></main>
<script src="/api/docs.js"></script>
</body></html>`;

export const DOCS_SCRIPT = `
fetch('/api/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
  var root = document.getElementById('routes');
  root.textContent = '';
  Object.keys(doc.paths).sort().forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      var div = document.createElement('div'); div.className = 'route';
      var head = document.createElement('div');
      var m = document.createElement('span'); m.className = 'm'; m.textContent = method.toUpperCase();
      var p = document.createElement('code'); p.textContent = path;
      head.appendChild(m); head.appendChild(p);
      var s = document.createElement('div'); s.textContent = op.summary || '';
      div.appendChild(head); div.appendChild(s);
      var det = document.createElement('details'); var sum = document.createElement('summary'); sum.textContent = 'Détails';
      var pre = document.createElement('pre'); pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: Object.keys(op.responses || {}) }, null, 2);
      det.appendChild(sum); det.appendChild(pre); div.appendChild(det);
      root.appendChild(div);
    });
  });
});
`;
