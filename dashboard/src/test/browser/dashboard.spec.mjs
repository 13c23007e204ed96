// Browser checks of the Stratum dashboard, run by DashboardBrowserContract:
//   node dashboard.spec.mjs <expectations.json>
// The expectations file names the dashboard's URL, the seeded ids and counts, and where screenshots go.
// Drives Debian's chromium through playwright-core (found in $PLAYWRIGHT_CORE_DIR) and prints, as its last line,
// one JSON summary: {"passed": n, "failed": n, "checks": [...], "screenshots": [...]}; exits 1 if a check failed.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const expected = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(join(process.env.PLAYWRIGHT_CORE_DIR, 'node_modules', 'noop.js'));
const { chromium } = require('playwright-core');

const checks = [];
const screenshots = [];
const dialogs = [];
const problems = [];
const TIMEOUT = 15000;

async function check(name, body) {
  try {
    await body();
    checks.push({ name, ok: true });
  } catch (e) {
    checks.push({ name, ok: false, error: String(e && e.message ? e.message : e).split('\n')[0] });
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, wanted, what) {
  assert(actual === wanted, `${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
}

async function shoot(page, name) {
  mkdirSync(expected.screenshotDir, { recursive: true });
  const path = join(expected.screenshotDir, `${expected.label}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  screenshots.push(path);
}

// A fresh document for every page, so that nothing of the page before can satisfy readySelector.
async function open(page, hash, readySelector) {
  await page.goto('about:blank');
  await page.goto(expected.baseUrl + hash);
  await page.waitForSelector(readySelector, { timeout: TIMEOUT });
}

async function rows(page, table) {
  return page.locator(`[data-testid="${table}"] tbody tr`).count();
}

async function taskIds(page) {
  return page.locator('[data-testid="task-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.task));
}

const userDataDir = mkdtempSync(join(tmpdir(), 'stratum-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });

  await check('overview shows the queue by status and agent type, and the masked database URL', async () => {
    await open(page, '/#/', '[data-count="ready"]');
    equal(await page.textContent('[data-count="pending"]'), String(expected.pendingTasks), 'pending');
    equal(await page.textContent('[data-count="ready"]'), String(expected.readyTasks), 'ready');
    equal(await page.textContent('[data-count="failed"]'), '1', 'failed');
    equal(await page.textContent('[data-testid="ready-due"]'), String(expected.readyTasks), 'claimable now');
    equal(await page.textContent('[data-testid="active-total"]'),
      String(expected.pendingTasks + expected.readyTasks + expected.runningTasks), 'active');
    equal(await page.textContent('[data-count="running"]'), String(expected.runningTasks), 'running');
    equal(await page.locator('[data-testid="by-worker"] td').first().textContent(), expected.worker, 'worker');
    equal(await page.locator('[data-testid="by-agent-type"] tr[data-agent-type="coder"] td').nth(1).textContent(),
      '2', 'pending coder tasks');
    await page.click('[data-count="failed"]');
    await page.waitForSelector('[data-testid="task-table"] tbody tr');
    equal((await taskIds(page)).join(), expected.flaky, 'the failed task, from its card');
    await page.goto('about:blank');
    await page.goto(expected.baseUrl + '/#/');
    await page.waitForSelector('[data-count="ready"]');
    const database = await page.textContent('#database');
    assert(database.length > 0 && !database.includes(expected.secret), 'database URL shown unmasked: ' + database);
    await shoot(page, 'overview');
  });

  await check('task list shows every task and filters by status', async () => {
    await open(page, '/#/tasks', '[data-testid="task-table"] tbody tr');
    equal(await rows(page, 'task-table'), expected.totalTasks, 'rows');
    await shoot(page, 'tasks');
    await page.selectOption('select[name="status"]', 'completed');
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="task-table"] tbody tr').length === 1);
    equal((await taskIds(page))[0], expected.plan, 'the completed task');
  });

  await check('task list filters by agent type and pages by cursor, forwards and back', async () => {
    await open(page, `/#/tasks?agent=${expected.pagingAgent}&limit=3`, '[data-testid="task-table"] tbody tr');
    const seen = new Set();
    const sizes = [];
    let pageTwo;
    for (let n = 1; ; n++) {
      await page.waitForFunction((number) =>
        document.querySelector('[data-testid="page-number"]')?.textContent === 'page ' + number, n);
      const ids = await taskIds(page);
      ids.forEach((id) => seen.add(id));
      sizes.push(ids.length);
      if (n === 2) pageTwo = ids.join();
      if (await page.isDisabled('[data-testid="next"]')) break;
      await page.click('[data-testid="next"]');
    }
    equal(sizes.join(), '3,3,1', 'page sizes');
    equal(seen.size, expected.pagingTasks, 'distinct tasks over all pages');
    await page.click('[data-testid="previous"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="page-number"]')?.textContent === 'page 2');
    equal((await taskIds(page)).join(), pageTwo, 'page 2 again');
    assert((await page.textContent('[data-testid="total"]')).startsWith(String(expected.pagingTasks)), 'total');
  });

  await check('task page draws the dependency graph as SVG and links its nodes', async () => {
    await open(page, '/#/task/' + expected.design, '[data-testid="graph"] svg g.node');
    equal(await page.locator('[data-testid="graph"] svg g.node').count(), expected.diamondNodes, 'SVG nodes');
    equal(await page.locator('[data-testid="graph"] svg path.edge').count(), expected.diamondEdges, 'SVG edges');
    equal(await page.locator('[data-testid="graph"] svg g.node.root').getAttribute('data-id'), expected.design, 'root');
    equal(await page.textContent('[data-testid="task-summary"]'), 'design the API', 'summary');
    assert(await page.locator('[data-testid="task-fields"] tr[data-field="status"]').count() === 1, 'status field');
    await shoot(page, 'task');
    await page.click(`[data-testid="graph"] svg g.node[data-id="${expected.ship}"]`);
    await page.waitForFunction(() => document.querySelector('[data-testid="task-summary"]')?.textContent === 'ship it');
    equal(await page.locator('[data-testid="graph"] svg g.node').count(), expected.diamondNodes, 'SVG nodes from ship');
  });

  await check('task page shows the audit trail', async () => {
    await open(page, '/#/task/' + expected.plan, '[data-testid="audit"] tbody tr');
    assert(await rows(page, 'audit') >= 2, 'audit rows');
  });

  await check('stored markup stays text: no dialog, no element made from it, shown literally', async () => {
    await open(page, '/#/task/' + expected.xss, '[data-testid="task-summary"]');
    equal(await page.textContent('[data-testid="task-summary"]'), expected.xssSummary, 'summary text');
    equal(await page.locator('img[src="x"], main script').count(), 0, 'elements made from stored markup');
    assert(await page.getByText(expected.xssSummary, { exact: true }).first().isVisible(), 'summary not visible');
    await shoot(page, 'xss');
    await open(page, '/#/tasks?agent=reviewer', '[data-testid="task-table"] tbody tr');
    equal(await page.textContent('[data-testid="task-table"] td.summary'), expected.xssSummary, 'summary in the list');
    equal(await page.locator('img[src="x"]').count(), 0, 'img elements in the list');
    equal(dialogs.length, 0, 'dialogs fired (' + dialogs.join('; ') + ')');
  });

  await check('sessions list and a session with its events', async () => {
    await open(page, '/#/sessions', '[data-testid="session-table"] tbody tr');
    equal(await rows(page, 'session-table'), 1, 'sessions');
    await page.click('[data-testid="session-table"] tbody tr a');
    await page.waitForSelector('[data-testid="event-table"] tbody tr');
    equal(await rows(page, 'event-table'), expected.sessionEvents, 'events');
    assert((await page.textContent('[data-testid="event-table"]')).includes("<script>alert('event')</script>"),
      'event payload shown literally');
    await shoot(page, 'session');
  });

  await check('agents are listed', async () => {
    await open(page, '/#/agents', '[data-testid="agent-table"] tbody tr');
    equal(await rows(page, 'agent-table'), expected.agents, 'agents');
    assert((await page.textContent('[data-testid="agent-table"]')).includes('<i>reviewer</i>'), 'agent name literally');
  });

  await check('memory browser: namespaces, keys, versions', async () => {
    await open(page, '/#/memory', '[data-testid="namespaces"] li a');
    await page.click(`[data-testid="namespaces"] li a:text-is("${expected.namespace}")`);
    await page.waitForSelector('[data-testid="entry-table"] tbody tr');
    equal(await rows(page, 'entry-table'), 2, 'keys');
    assert((await page.textContent('[data-testid="entry-table"]')).includes(expected.xssKey), 'markup key literally');
    await page.click('[data-testid="entry-table"] a:text-is("notes")');
    await page.waitForSelector('[data-testid="version-table"] tbody tr');
    equal(await rows(page, 'version-table'), 2, 'versions');
    await shoot(page, 'memory');
  });

  await check('an unknown task shows the error the server gave', async () => {
    await page.goto('about:blank');
    await page.goto(expected.baseUrl + '/#/task/01a24862-0000-7000-8000-000000000000');
    await page.waitForFunction(() => document.body.dataset.page === 'error');
    assert((await page.textContent('#error')).includes('not found'), 'error text');
  });

  await check('no dialog, page error, console error or CSP violation on any page', async () => {
    equal(dialogs.length, 0, 'dialogs');
    const unexpected = problems.filter((p) => !p.includes('404'));
    assert(unexpected.length === 0, unexpected.join(' | '));
  });
} catch (e) {
  checks.push({ name: 'browser start', ok: false, error: String(e && e.message ? e.message : e).split('\n')[0] });
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const failed = checks.filter((c) => !c.ok).length;
console.log(JSON.stringify({ passed: checks.length - failed, failed, checks, screenshots }));
process.exit(failed === 0 ? 0 : 1);
