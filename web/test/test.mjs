// Browser test of web/dist: serves it on localhost, loads it in Debian's headless chromium
// (WebGL through SwiftShader), waits for the first frame, operates the Act I prediction lock
// from the keyboard, checks the report card opens, takes a 1280x720 screenshot and checks it
// shows the four tier colours, reloads and checks the ledger persisted, then opens the class
// view with ledgers through its file input and checks it stores nothing.
// Fails on any panic or console error. Prints the time from navigation to the first frame.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || '../dist');
const shots = path.resolve(process.argv[3] || '.');
// The game's tier colours (src/theme.rs TIER_HEX).
const TIERS = { Cloud: [0x71, 0x61, 0xff], Edge: [0xa2, 0x2c, 0x2b], Mobile: [0xc9, 0x58, 0x0a], Tiny: [0x01, 0x91, 0x59] };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) { passed += 1; console.log(`ok - ${what}`); } else { failures.push(what); console.log(`not ok - ${what}`); } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const userDataPersistent = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await userDataPersistent.newPage();
const logs = [];
const allLogs = [];
const errors = [];
page.on('console', (m) => {
  const t = m.text();
  logs.push(t);
  allLogs.push(t);
  if (m.type() === 'error' && !t.includes('Using exceptions for control flow')) errors.push(t);
});
page.on('pageerror', (e) => { if (!String(e).includes('Using exceptions for control flow')) errors.push(String(e)); });

const waitLog = async (needle, ms) => {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (logs.some((l) => l.includes(needle))) return true;
    if (errors.length) return false;
    await page.waitForTimeout(100);
  }
  return false;
};

const t0 = Date.now();
await page.goto(base);
const first = await waitLog('architects-audit: first frame', 120000);
const firstMs = Date.now() - t0;
check(first, 'first frame logged');
console.log(`time from navigation to first frame: ${firstMs} ms`);
check(await page.locator('#loading').count() === 0, 'loading indicator removed');
// The progress bar counted the whole wasm, against the size build.sh wrote into the page.
const [downloaded, expected] = await page.evaluate(() => [window.__aaDownloaded, Number(document.documentElement.dataset.wasmBytes)]);
check(expected > 0 && downloaded === expected, `download progress counted ${downloaded} of ${expected} bytes`);

// Keyboard: Enter begins Act I, A chooses, Enter locks.
await page.locator('#game').focus();
await page.waitForTimeout(500);
await page.keyboard.press('Enter');
check(await waitLog('phase Act1Predict', 20000), 'Enter begins Act I');
await page.keyboard.press('a');
await page.waitForTimeout(1000);
await page.keyboard.press('Enter');
check(await waitLog('phase Act1Report', 20000), 'the prediction lock opens the report card');

await page.waitForTimeout(1500);
fs.mkdirSync(shots, { recursive: true });
const png = path.join(shots, 'web-act1-report.png');
await page.screenshot({ path: png });
const seen = tierColours(fs.readFileSync(png));
for (const [name, n] of Object.entries(seen)) check(n > 50, `screenshot shows the ${name} colour (${n} samples)`);

// Finish Act II so the ledger has a chapter 16, then reload: it must still be there.
await page.keyboard.press('Enter');
check(await waitLog('phase Act2Brief', 20000), 'Enter moves on to Act II');
await page.keyboard.press('d');
await page.waitForTimeout(1000);
await page.keyboard.press('Enter');
check(await waitLog('phase Act2Design', 20000), 'the Act II lock opens the instruments');
await page.keyboard.press('Enter'); // submit: chapter 16 goes to the ledger
check(await waitLog('phase Act2Reveal', 20000), 'Enter submits the design');
await page.keyboard.press('p'); // projector profile: remembered apart from the ledger
// Frames are slow under SwiftShader: wait until the preference is written before reloading.
for (let i = 0; i < 100; i++) {
  const saved = await page.evaluate(() => Object.entries(localStorage).some(([k, v]) => k.includes('prefs/v1') && v.includes('true')));
  if (saved) break;
  await page.waitForTimeout(200);
}
const keys = await page.evaluate(() => Object.keys(localStorage));
check(keys.some((k) => k.includes('ledger/v2')), `the ledger is in localStorage (${keys.join(', ')})`);
await page.reload();
logs.length = 0;
check(await waitLog('architects-audit: first frame', 120000), 'first frame after reload');
check(logs.some((l) => l.includes('ledger loaded') && l.includes('16')), 'the ledger with chapter 16 survived the reload');
const prefs = await page.evaluate(() => {
  const k = Object.keys(localStorage).find((k) => k.includes('prefs/v1'));
  return k ? localStorage.getItem(k) : null;
});
check(prefs !== null && prefs.includes('true'), `the projector preference survived the reload (${prefs})`);

// The instructor's class view: ?class=1, a class's ledgers through the page's file input;
// it writes nothing to storage.
const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
logs.length = 0;
await page.goto(base + '?class=1');
check(await waitLog('architects-audit: first frame', 120000), 'first frame of the class view');
const fixtures = path.resolve('../../tests/fixtures/class');
await page.setInputFiles('#class-files', ['alice.json', 'dan.json', 'broken.json', 'section-b/carol.json', 'section-b/class-b.jsonl']
  .map((f) => path.join(fixtures, f)));
check(await waitLog('class view: 5 students, 2 unreadable', 30000), 'the picked ledgers make a class of 5, 2 unreadable');
await page.waitForTimeout(1500);
await page.screenshot({ path: path.join(shots, 'web-class-view.png') });
const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
check(after === stored, 'the class view wrote nothing to storage');

check(errors.length === 0, `no console errors or panics (${errors.slice(0, 3).join(' | ')})`);
if (failures.length) console.log('--- console ---\n' + allLogs.slice(-60).join('\n'));
await browser.close();
server.close();
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);

function tierColours(buf) {
  // Minimal PNG decoder (8-bit RGB/RGBA, as Chromium writes them).
  let pos = 8, idat = [], w = 0, h = 0, bpp = 4;
  while (pos < buf.length) {
    const n = buf.readUInt32BE(pos); const kind = buf.toString('ascii', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + n);
    if (kind === 'IHDR') { w = body.readUInt32BE(0); h = body.readUInt32BE(4); bpp = body[9] === 6 ? 4 : 3; }
    if (kind === 'IDAT') idat.push(body);
    pos += 12 + n;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = w * bpp; let prev = Buffer.alloc(stride); const counts = Object.fromEntries(Object.keys(TIERS).map((k) => [k, 0]));
  for (let y = 0, i = 0; y < h; y++) {
    const f = raw[i]; const line = Buffer.from(raw.subarray(i + 1, i + 1 + stride)); i += 1 + stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      if (f === 1) line[x] = (line[x] + a) & 255; else if (f === 2) line[x] = (line[x] + b) & 255;
      else if (f === 3) line[x] = (line[x] + ((a + b) >> 1)) & 255;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); line[x] = (line[x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255; }
    }
    for (let x = 0; x < w; x += 2) {
      const r = line[x * bpp], g = line[x * bpp + 1], bl = line[x * bpp + 2];
      for (const [k, [R, G, B]] of Object.entries(TIERS)) if (Math.abs(r - R) + Math.abs(g - G) + Math.abs(bl - B) <= 24) counts[k] += 1;
    }
    prev = line;
  }
  return counts;
}
