// What the browser test and the frame-rate measurement share: web/dist served on localhost
// (with a course site's page that embeds the game at 800x600, at /__embed.html), and Debian's
// headless chromium drawing WebGL through SwiftShader, as a browser that blocklists its GPU does.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.otf': 'font/otf' };
const FRAME_PAGE = '<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">'
  + '<iframe id="lab" src="/" style="width:800px;height:600px;border:0"></iframe></body></html>';

// Serve `dist`; resolves to the server and its base URL.
export async function serve(dist) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/__embed.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(FRAME_PAGE);
      return;
    }
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

// Debian's chromium, headless, with SwiftShader's WebGL (never a downloaded browser).
export const launch = (extra = []) => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extra],
});
