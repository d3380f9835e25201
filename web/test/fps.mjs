// The web build's frame rate in headless chromium with SwiftShader (a browser's software
// WebGL), at a marker of the demo script. A measurement, run by hand, not a test:
//   node fps.mjs DIST [MARKER] [WxH] [SECONDS]     e.g. node fps.mjs ../dist act2-pass 1366x768 30
// Opens ?goto=MARKER, waits for the first frame and 20 s more (start-up, the jump, the world
// filling with requests), then counts the page's animation frames, which the game's loop runs on.
import path from 'node:path';
import { launch, serve } from './serve.mjs';

const dist = path.resolve(process.argv[2] || '../dist');
const marker = process.argv[3] || 'act2-pass';
const [w, h] = (process.argv[4] || '1366x768').split('x').map(Number);
const secs = Number(process.argv[5] || 30);
const { server, base } = await serve(dist);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: w, height: h } });
let first = false;
page.on('console', (m) => { if (m.text().includes('architects-audit: first frame')) first = true; });
await page.goto(`${base}?goto=${marker}`);
for (let i = 0; i < 1200 && !first; i++) await page.waitForTimeout(100);
if (!first) { console.error('no first frame in 120 s'); process.exit(1); }
await page.waitForTimeout(20000);
// Frames per second in each second, counted in the page.
const rates = await page.evaluate((s) => new Promise((done) => {
  const out = [];
  let [n, t0] = [0, performance.now()];
  const end = t0 + s * 1000;
  const step = (now) => {
    n += 1;
    if (now - t0 >= 1000) { out.push((n * 1000) / (now - t0)); [n, t0] = [0, now]; }
    if (now < end) requestAnimationFrame(step); else done(out);
  };
  requestAnimationFrame(step);
}), secs);
const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
console.log(`web ${marker} at ${w}x${h} (SwiftShader): mean ${mean.toFixed(1)} frames/s `
  + `(min ${Math.min(...rates).toFixed(1)}, max ${Math.max(...rates).toFixed(1)}, ${rates.length} samples)`);
await browser.close();
server.close();
