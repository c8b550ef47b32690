/**
 * /api/docs: a self-contained HTML reference rendered from /api/openapi.json in the page (no CDN,
 * no external script): each operation with its parameters, request body, responses and schemas,
 * which expand on click.
 */
export function docsPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; text-transform: capitalize; }
  .op { border: 1px solid #d5d9e2; border-radius: 6px; margin: .6rem 0; }
  .op > summary { cursor: pointer; padding: .45rem .7rem; list-style: none; display: flex; gap: .7rem; align-items: baseline; }
  .op[open] > summary { border-bottom: 1px solid #d5d9e2; background: #f6f7fa; }
  .m { font: 600 .8rem ui-monospace, monospace; padding: .1rem .45rem; border-radius: 4px; color: #fff; min-width: 3.6rem; text-align: center; }
  .GET { background: #2f6fb5; } .POST { background: #2e8b57; } .DELETE { background: #b53a2f; } .PUT { background: #a0700e; }
  code, pre { font: .85rem ui-monospace, monospace; } pre { background: #f4f5f8; padding: .6rem; overflow: auto; max-height: 28rem; border-radius: 4px; }
  .body { padding: .3rem .9rem .8rem; } table { border-collapse: collapse; } td, th { text-align: left; padding: .15rem .6rem .15rem 0; vertical-align: top; }
  .lock { color: #a0700e; font-size: .8rem; } .muted { color: #667; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Rendered from <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are JSON <code>{ error, message, place?, expected? }</code>.</p>
<div id="root">Loading…</div>
<script>
(async () => {
  const root = document.getElementById('root');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let doc;
  try { doc = await (await fetch('/api/openapi.json')).json(); } catch (e) { root.textContent = 'Cannot load /api/openapi.json: ' + e; return; }
  const schemaBlock = (schema) => '<details><summary>schema</summary><pre>' + esc(JSON.stringify(schema, null, 2)) + '</pre></details>';
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) (byTag[(op.tags || ['other'])[0]] ||= []).push({ path, method: method.toUpperCase(), op });
  let html = '<p>' + esc(doc.info.description || '') + '</p>';
  for (const tag of doc.tags || []) {
    const ops = byTag[tag.name]; if (!ops) continue;
    html += '<h2 id="' + esc(tag.name) + '">' + esc(tag.name) + '</h2><p class="muted">' + esc(tag.description || '') + '</p>';
    for (const { path, method, op } of ops) {
      html += '<details class="op"><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code><span>' + esc(op.summary || '') + '</span>' + (op.security ? '<span class="lock">token off loopback</span>' : '') + '</summary><div class="body">';
      if (op.description) html += '<p>' + esc(op.description) + '</p>';
      if (op.parameters && op.parameters.length) {
        html += '<h4>Parameters</h4><table>' + op.parameters.map((p) => '<tr><td><code>' + esc(p.name) + '</code></td><td>' + esc(p.in) + (p.required ? ', required' : '') + '</td><td>' + esc(p.schema && p.schema.type || '') + '</td><td>' + esc(p.description || '') + '</td></tr>').join('') + '</table>';
      }
      if (op.requestBody) {
        html += '<h4>Request body</h4>';
        for (const [type, c] of Object.entries(op.requestBody.content)) html += '<div><code>' + esc(type) + '</code> ' + schemaBlock(c.schema) + '</div>';
      }
      html += '<h4>Responses</h4><table>';
      for (const [status, r] of Object.entries(op.responses)) {
        const c = r.content ? Object.entries(r.content)[0] : null;
        html += '<tr><td><b>' + esc(status) + '</b></td><td>' + esc(r.description || '') + (c ? ' <code>' + esc(c[0]) + '</code>' + (c[1].schema ? schemaBlock(c[1].schema) : '') : '') + '</td></tr>';
      }
      html += '</table></div></details>';
    }
  }
  html += '<h2>schemas</h2>';
  for (const [name, schema] of Object.entries((doc.components || {}).schemas || {})) html += '<details class="op"><summary><code>' + esc(name) + '</code></summary><div class="body"><pre>' + esc(JSON.stringify(schema, null, 2)) + '</pre></div></details>';
  root.innerHTML = html;
})();
</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
