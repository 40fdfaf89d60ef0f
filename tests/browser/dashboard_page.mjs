// The dashboard page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core: no browser is ever downloaded). Run by dashboard_browser_test.py,
// which starts crm-server and crm-web and writes the figures the page must show:
//
//   node dashboard_page.mjs --url=http://127.0.0.1:PORT/ --token-file=FILE \
//       --expected=expected.json --out-dir=DIR [--chromium=/usr/bin/chromium]
//
// Prints `ok    <check>` or `FAIL  <check>: <why>` per check; exits 1 if any failed.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIMEOUT_MS = 30000;
const LANG_KEY = 'crm.dashboard.lang';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

function parseArgs(argv) {
  const args = {};
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    args[m[1]] = m[2];
  }
  for (const name of ['url', 'token-file', 'expected', 'out-dir']) {
    if (!args[name]) throw new Error(`--${name} is required`);
  }
  args.chromium = args.chromium || '/usr/bin/chromium';
  return args;
}

class CheckFailed extends Error {}

function expect(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function expectEqual(got, want, what) {
  expect(got === want, `${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

let failures = 0;
let stopped = false;

// Runs one check; a failed `critical` one (the rest cannot work without it)
// skips every later check.
async function check(name, fn, { critical = false } = {}) {
  if (stopped) {
    failures += 1;
    console.log(`FAIL  ${name}: skipped after an earlier critical failure`);
    return;
  }
  try {
    await fn();
    console.log(`ok    ${name}`);
  } catch (e) {
    failures += 1;
    const why = e instanceof CheckFailed ? e.message : `${e.name}: ${e.message}`;
    console.log(`FAIL  ${name}: ${why.split('\n').slice(0, 6).join(' | ')}`);
    if (critical) stopped = true;
  }
}

function waitForDashboard(page, width) {
  // data-ready: every chart has rendered after the last load, redraw or resize;
  // data-width: the window width the charts were last drawn for.
  return page.waitForFunction(
    (w) => document.body.dataset.ready === 'true' && (w === undefined || document.body.dataset.width === String(w)),
    width, { timeout: TIMEOUT_MS });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = args.url.endsWith('/') ? args.url : `${args.url}/`;
  const token = fs.readFileSync(args['token-file'], 'utf8').trim();
  const expected = JSON.parse(fs.readFileSync(args.expected, 'utf8'));
  fs.mkdirSync(args['out-dir'], { recursive: true });

  await check('the API without a session answers 401', async () => {
    const response = await fetch(`${url}api/summary`);
    expectEqual(response.status, 401, 'GET /api/summary without a cookie');
    const body = await response.json();
    expectEqual(body.code, 'UNAUTHENTICATED', 'its code');
  });

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-chromium-'));
  let context;
  await check('Debian\'s chromium starts headless with a fresh profile', async () => {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: args.chromium,
      headless: true,
      viewport: VIEWPORTS[0],
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, { critical: true });
  if (!context) return finish(null, userDataDir);
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);

  // Problems the page itself reports: uncaught errors, console errors (but the
  // failed loads this script provokes on purpose) and CSP violations.
  const problems = [];
  const expectedFailures = /status of (400|401)/;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expectedFailures.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await context.addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  await check('without a session the page is the login form', async () => {
    await page.goto(url);
    await page.locator('[data-testid=login-form]').waitFor();
    expect(await page.locator('[data-testid=login-error]').count() === 0, 'an error is shown before any attempt');
  }, { critical: true });

  await check('a wrong token is refused with a message', async () => {
    await page.fill('[data-testid=login-token]', `wrong-${'0'.repeat(60)}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${url}login` && r.request().method() === 'POST'),
      page.click('[data-testid=login-submit]'),
    ]);
    expectEqual(response.status(), 401, 'POST /login with a wrong token');
    const message = (await page.locator('[data-testid=login-error]').textContent()).trim();
    expect(message.length > 0, 'no error message on the form');
    const cookies = await context.cookies(url);
    expect(!cookies.some((c) => c.name === 'crm_session'), 'a session cookie was set for a wrong token');
  });

  await check('the right token logs in and every chart renders', async () => {
    await page.fill('[data-testid=login-token]', token);
    await Promise.all([page.waitForURL(url), page.click('[data-testid=login-submit]')]);
    await waitForDashboard(page);
  }, { critical: true });

  await check('the session cookie is HttpOnly, SameSite=Strict and holds no token', async () => {
    const session = (await context.cookies(url)).find((c) => c.name === 'crm_session');
    expect(session, 'no crm_session cookie');
    expect(session.httpOnly, 'crm_session is not HttpOnly');
    expectEqual(session.sameSite, 'Strict', 'crm_session SameSite');
    expect(!session.value.includes(token), 'the cookie holds the token');
    const visible = await page.evaluate(() => document.cookie);
    expect(!visible.includes('crm_session'), `document.cookie shows the session: ${visible}`);
    expect(!(await page.content()).includes(token), 'the page holds the token');
  });

  await check('no load error is shown', async () => {
    const banner = page.locator('[data-testid=error]');
    expect(await banner.isHidden(), `error banner: ${await banner.textContent()}`);
  });

  await check('the figures shown equal DashboardService\'s answer', async () => {
    const shown = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return [id, el ? el.textContent.trim() : null];
    })), Object.keys(expected.figures));
    const wrong = Object.entries(expected.figures)
      .filter(([id, want]) => shown[id] !== want)
      .map(([id, want]) => `${id}: page ${JSON.stringify(shown[id])}, service ${JSON.stringify(want)}`);
    expect(wrong.length === 0, `${wrong.length} figure(s) differ: ${wrong.join('; ')}`);
    console.log(`      ${Object.keys(expected.figures).length} figures compared, e.g. open projects ` +
      `${shown['kpi-open-count']}, planned ${shown['kpi-open-planned']} 亿元, weighted ${shown['kpi-weighted']} 亿元`);
  });

  await check('every chart has an ECharts canvas with a size', async () => {
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((el) => {
      const canvas = el.querySelector('canvas');
      return { id: el.id, instance: !!window.echarts.getInstanceByDom(el), w: canvas ? canvas.width : 0,
        h: canvas ? canvas.height : 0 };
    }));
    expect(charts.length >= 5, `only ${charts.length} charts`);
    const bad = charts.filter((c) => !c.instance || c.w === 0 || c.h === 0);
    expect(bad.length === 0, `charts not drawn: ${JSON.stringify(bad)}`);
  });

  await check('the last refresh time and the year are shown', async () => {
    const refreshed = (await page.locator('[data-testid=last-refresh]').textContent()).trim();
    expect(/\d{1,2}:\d{2}:\d{2}/.test(refreshed), `last refresh: ${JSON.stringify(refreshed)}`);
    expectEqual(await page.locator('[data-testid=year-select]').inputValue(), String(expected.year), 'year selected');
  });

  await check('a bad query parameter is a 400 naming it', async () => {
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/summary?year=abc');
      return { status: response.status, body: await response.json() };
    });
    expectEqual(answer.status, 400, 'GET /api/summary?year=abc');
    expectEqual(answer.body.code, 'INVALID_ARGUMENT', 'its code');
    expect(String(answer.body.message).startsWith('year'), `its message: ${answer.body.message}`);
  });

  let fontAt1280 = 0;
  for (const viewport of VIEWPORTS) {
    const name = `dashboard-${viewport.width}x${viewport.height}`;
    const what = `at ${viewport.width}×${viewport.height} nothing overflows sideways and the charts fit (${name}.png)`;
    await check(what, async () => {
      await page.setViewportSize(viewport);
      await waitForDashboard(page, viewport.width);
      const size = await page.evaluate(() => ({
        scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        client: document.documentElement.clientWidth,
        kpiFont: parseFloat(getComputedStyle(document.querySelector('[data-testid=kpi-open-count]')).fontSize),
        // Charts whose canvas is not as wide as their box: not resized with the window.
        unfitted: [...document.querySelectorAll('.chart')].filter((el) => {
          const canvas = el.querySelector('canvas');
          return !canvas || Math.abs(canvas.getBoundingClientRect().width - el.clientWidth) > 1;
        }).map((el) => el.id),
      }));
      await page.screenshot({ path: path.join(args['out-dir'], `${name}.png`) });
      await page.screenshot({ path: path.join(args['out-dir'], `${name}-full.png`), fullPage: true });
      expect(size.scroll <= size.client, `content is ${size.scroll}px wide in a ${size.client}px window`);
      expect(size.unfitted.length === 0, `charts not fitted to their boxes: ${size.unfitted.join(', ')}`);
      if (viewport.width === 1280) fontAt1280 = size.kpiFont;
      if (viewport.width >= 1920) {
        expect(size.kpiFont > fontAt1280, `the 大屏 type is not larger (${size.kpiFont}px vs ${fontAt1280}px)`);
      }
    });
  }

  await check('the English toggle switches the labels and is remembered', async () => {
    const title = page.locator('[data-testid=title]');
    const firstStage = page.locator('[data-testid=stage-table] tbody th').first();
    expectEqual((await title.textContent()).trim(), '招商引资驾驶舱', 'title in Chinese');
    expectEqual((await firstStage.textContent()).trim(), '在谈', 'first stage in Chinese');
    await page.click('[data-testid=lang-toggle]');
    await waitForDashboard(page);
    expectEqual((await title.textContent()).trim(), 'Investment Promotion Dashboard', 'title in English');
    expectEqual((await firstStage.textContent()).trim(), 'Negotiating', 'first stage in English');
    expectEqual(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang>');
    expectEqual(await page.evaluate((key) => localStorage.getItem(key), LANG_KEY), 'en', 'the stored language');
    await page.reload();
    await waitForDashboard(page);
    expectEqual((await title.textContent()).trim(), 'Investment Promotion Dashboard', 'title after a reload');
    const open = (await page.locator('[data-testid=kpi-open-count]').textContent()).trim();
    expectEqual(open, expected.figures['kpi-open-count'], 'open projects after a reload');
  });

  await check('logging out ends the session', async () => {
    await Promise.all([page.waitForURL(url), page.click('[data-testid=logout]')]);
    await page.locator('[data-testid=login-form]').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/summary')).status);
    expectEqual(status, 401, 'GET /api/summary after logging out');
  });

  await check('no page errors, console errors or CSP violations', async () => {
    expect(problems.length === 0, problems.join(' | '));
  });

  return finish(context, userDataDir);
}

async function finish(context, userDataDir) {
  if (context) await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((e) => {
  console.log(`FAIL  dashboard_page.mjs: ${e.stack || e}`);
  process.exitCode = 1;
});
