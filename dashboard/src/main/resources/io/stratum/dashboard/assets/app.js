// Stratum dashboard: a read-only single page over the JSON endpoints under /api/.
// Every stored string reaches the document through text nodes (textContent, createTextNode), never as markup.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const TASK_STATUSES = ['pending', 'blocked', 'ready', 'running', 'completed', 'failed', 'cancelled'];
const OVERVIEW_REFRESH_MS = 5000;
let refreshTimer = null;
let renderToken = 0;

// An element with attributes and children; strings and numbers become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'onclick' || name === 'onsubmit' || name === 'onchange') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ error: 'the server answered ' + response.status }));
  if (!response.ok) throw new Error(body.error || 'the server answered ' + response.status);
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? '?' + text : '';
}

function statusBadge(status) {
  return el('span', { class: 'status ' + status, 'data-status': status }, status);
}

function taskLink(id, text) {
  return el('a', { href: '#/task/' + encodeURIComponent(id) }, text || id);
}

function when(text) {
  return text ? text.replace('T', ' ').replace(/(\.\d{3})\d*/, '$1') : '';
}

function table(headers, rows, attrs) {
  return el('table', attrs,
    el('thead', null, el('tr', null, headers.map((h) => el('th', null, h)))),
    el('tbody', null, rows));
}

function fieldsTable(pairs, attrs) {
  return el('table', Object.assign({ class: 'fields' }, attrs), el('tbody', null,
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([name, value]) => el('tr', { 'data-field': name }, el('th', null, name),
        el('td', null, value instanceof Node ? value : String(value))))));
}

function pre(text) {
  return text ? el('pre', null, text) : '';
}

// Pages of a list: keeps the cursors already visited so that "Previous" works without the server's help.
function pager(page, cursors, go) {
  const position = cursors.length;
  return el('div', { class: 'pager' },
    el('button', { class: 'secondary', 'data-testid': 'previous', disabled: position === 0,
      onclick: () => go(cursors.slice(0, -1)) }, 'Previous'),
    el('span', { class: 'muted', 'data-testid': 'page-number' }, 'page ' + (position + 1)),
    el('button', { class: 'secondary', 'data-testid': 'next', disabled: !page.nextCursor,
      onclick: () => go(cursors.concat([page.nextCursor])) }, 'Next'));
}

// ---- views ---------------------------------------------------------------------------------------------------

async function overview(view) {
  const data = await api('/api/overview');
  const statusCard = (status, n) => el('a', { class: 'card', href: '#/tasks' + query({ status }) },
    el('div', { class: 'label' }, status), el('div', { class: 'value', 'data-count': status }, n));
  view.replaceChildren(
    el('h1', null, 'Overview'),
    el('div', { class: 'cards', 'data-testid': 'counts' },
      card('active tasks', total(data.active), 'active-total'),
      ['pending', 'blocked', 'ready', 'running'].map((s) => statusCard(s, data.active[s])),
      statusCard('failed', data.failed)),
    el('h2', null, 'Ready tasks'),
    el('div', { class: 'cards' },
      card('claimable now', data.readyDue, 'ready-due'),
      card('waiting for their time', data.readyDelayed, 'ready-delayed'),
      card('oldest claimable waited', duration(data.oldestReadyAgeSeconds, data.readyDue), 'oldest-ready'),
      card('expired leases', data.expiredLeases, 'expired-leases')),
    el('h2', null, 'Throughput, last ' + data.windowSeconds + ' s'),
    el('div', { class: 'cards' },
      card('completed', data.completedInWindow, 'completed-window'),
      card('failed', data.failedInWindow, 'failed-window'),
      card('cancelled', data.cancelledInWindow, 'cancelled-window')),
    el('h2', null, 'Active tasks by agent type'),
    data.byAgentType.length === 0 ? el('p', { class: 'muted' }, 'No active tasks.') :
      table(['agent type', 'pending', 'blocked', 'ready', 'running', 'total'], data.byAgentType.map((a) =>
        el('tr', { 'data-agent-type': a.agentType },
          el('td', null, el('a', { href: '#/tasks' + query({ agent: a.agentType }) }, a.agentType)),
          ['pending', 'blocked', 'ready', 'running'].map((s) => el('td', { class: 'num' }, a.counts[s])),
          el('td', { class: 'num' }, total(a.counts)))),
      { 'data-testid': 'by-agent-type' }),
    data.runningByWorker.length === 0 ? '' : el('h2', null, 'Running tasks by worker'),
    data.runningByWorker.length === 0 ? '' : table(['worker', 'running'], data.runningByWorker.map((w) =>
      el('tr', null, el('td', null, w.worker), el('td', { class: 'num' }, w.running))), { 'data-testid': 'by-worker' }),
    el('p', { class: 'muted' }, 'Refreshed every ' + OVERVIEW_REFRESH_MS / 1000 + ' s; last at ' + when(data.at) + '.'));
  refreshTimer = setTimeout(() => { if (location.hash === '' || location.hash === '#/') render(); }, OVERVIEW_REFRESH_MS);
}

function total(counts) {
  return counts.pending + counts.blocked + counts.ready + counts.running;
}

function duration(seconds, claimable) {
  if (!claimable) return '-';
  if (seconds < 120) return Math.round(seconds) + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return Math.round(seconds / 3600) + ' h';
}

function card(label, value, testId) {
  return el('div', { class: 'card' }, el('div', { class: 'label' }, label),
    el('div', { class: 'value', 'data-testid': testId }, value));
}

async function tasks(view, params) {
  const cursors = params.getAll('page');
  const filters = {
    status: params.get('status'), agent: params.get('agent'), featureBranch: params.get('featureBranch'),
    session: params.get('session'), parent: params.get('parent'), limit: params.get('limit'),
  };
  const data = await api('/api/tasks' + query(Object.assign({}, filters, { after: cursors[cursors.length - 1] })));
  const go = (pages) => {
    const search = new URLSearchParams(query(filters));
    pages.forEach((cursor) => search.append('page', cursor));
    location.hash = '#/tasks' + (search.toString() ? '?' + search : '');
  };
  const input = (name, label, value) => el('label', null, label, el('input', { name, value: value || '', size: 24 }));
  const form = el('form', { class: 'filters', 'data-testid': 'filters', onsubmit: (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target).entries());
    values.limit = filters.limit;
    location.hash = '#/tasks' + query(values);
  } },
  el('label', null, 'status', el('select', { name: 'status' }, el('option', { value: '' }, 'any'),
    TASK_STATUSES.map((s) => el('option', { value: s, selected: s === filters.status }, s)))),
  input('agent', 'agent type', filters.agent),
  input('featureBranch', 'feature branch', filters.featureBranch),
  input('session', 'session', filters.session),
  input('parent', 'parent task', filters.parent),
  el('button', { type: 'submit' }, 'Filter'));
  view.replaceChildren(
    el('h1', null, 'Tasks'), form,
    el('p', { class: 'muted', 'data-testid': 'total' }, data.total + (data.total === 1 ? ' task matches' : ' tasks match')),
    table(['id', 'status', 'pri', 'agent', 'depth', 'submitted', 'summary'], data.items.map((t) => el('tr', { 'data-task': t.id },
      el('td', { class: 'mono' }, taskLink(t.id, t.id.slice(0, 8))), el('td', null, statusBadge(t.status)),
      el('td', { class: 'num' }, t.priority), el('td', null, t.agentType), el('td', { class: 'num' }, t.dependencyDepth),
      el('td', { class: 'mono' }, when(t.submittedAt)), el('td', { class: 'summary' }, t.summary))), { 'data-testid': 'task-table' }),
    pager(data, cursors, go));
}

async function task(view, id) {
  const [data, graph] = await Promise.all([
    api('/api/tasks/' + encodeURIComponent(id)), api('/api/tasks/' + encodeURIComponent(id) + '/graph')]);
  const t = data.task;
  view.replaceChildren(
    el('h1', { 'data-testid': 'task-summary' }, t.summary),
    fieldsTable([
      ['id', el('span', { class: 'mono' }, t.id)], ['status', statusBadge(t.status)], ['agent type', t.agentType],
      ['priority', t.priority + ' (calculated ' + t.calculatedPriority.toFixed(2) + ')'],
      ['dependencies', t.dependencyType + ', depth ' + t.dependencyDepth], ['source', t.source],
      ['retries', t.retryCount + ' of ' + t.maxRetries], ['timeout', t.maxExecutionTimeoutSeconds + ' s'],
      ['submitted', when(t.submittedAt)], ['started', when(t.startedAt)], ['completed', when(t.completedAt)],
      ['updated', when(t.lastUpdatedAt)], ['run after', when(t.runAfter)], ['deadline', when(t.deadline)],
      ['lease', t.leaseOwner ? t.leaseOwner + ' until ' + when(t.leaseExpiresAt) : null],
      ['created by', t.createdBy], ['parent', t.parentTaskId ? taskLink(t.parentTaskId) : null],
      ['session', t.sessionId ? el('a', { href: '#/session/' + t.sessionId }, t.sessionId) : null],
      ['feature branch', t.featureBranch], ['task branch', t.taskBranch], ['worktree', t.worktreePath],
      ['idempotency key', t.idempotencyKey], ['version', t.version], ['description', t.description ? pre(t.description) : null],
      ['input', pre(t.inputData)], ['result', pre(t.resultData)], ['error', t.errorMessage ? pre(t.errorMessage) : null],
    ], { 'data-testid': 'task-fields' }),
    el('h2', null, 'Dependencies and dependents'),
    graph.truncated ? el('p', { class: 'muted' }, 'Only the nearest ' + graph.nodes.length + ' tasks are drawn.') : '',
    el('div', { class: 'graph', 'data-testid': 'graph' }, drawGraph(graph)),
    el('h2', null, 'Audit trail'),
    data.audit.items.length === 0 ? el('p', { class: 'muted' }, 'No audit entries for this task.') :
      table(['at', 'actor', 'action', 'before', 'after'], data.audit.items.map((a) => el('tr', null,
        el('td', { class: 'mono' }, when(a.at)), el('td', null, a.actor), el('td', null, a.action),
        el('td', null, pre(a.before)), el('td', null, pre(a.after)))), { 'data-testid': 'audit' }));
}

// Layered layout: one column per dependency depth, dependencies on the left of the tasks that wait on them.
function drawGraph(graph) {
  const width = 210; const height = 48; const gapX = 70; const gapY = 16; const pad = 16;
  const depths = [...new Set(graph.nodes.map((n) => n.depth))].sort((a, b) => a - b);
  const rows = new Map();
  const place = new Map();
  for (const node of graph.nodes) {
    const column = depths.indexOf(node.depth);
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    place.set(node.id, { x: pad + column * (width + gapX), y: pad + row * (height + gapY) });
  }
  const maxRows = Math.max(1, ...rows.values());
  const root = svg('svg', {
    width: pad * 2 + depths.length * (width + gapX) - gapX, height: pad * 2 + maxRows * (height + gapY) - gapY,
    role: 'img', 'aria-label': 'dependency graph',
  });
  root.appendChild(svg('defs', null, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }))));
  for (const edge of graph.edges) {
    const from = place.get(edge.from); const to = place.get(edge.to);
    if (!from || !to) continue;
    const x1 = from.x + width; const y1 = from.y + height / 2; const x2 = to.x; const y2 = to.y + height / 2;
    const mid = (x1 + x2) / 2;
    root.appendChild(svg('path', { class: 'edge', d: `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`,
      'marker-end': 'url(#arrow)', 'data-from': edge.from, 'data-to': edge.to }));
  }
  for (const node of graph.nodes) {
    const { x, y } = place.get(node.id);
    const summary = node.summary.length > 30 ? node.summary.slice(0, 29) + '…' : node.summary;
    const group = svg('g', { class: 'node' + (node.id === graph.root ? ' root' : ''), 'data-id': node.id,
      transform: `translate(${x}, ${y})` },
    svg('title', null, node.summary),
    svg('rect', { width, height }),
    svg('rect', { class: 'bar ' + node.status, width: 5, height }),
    svg('text', { x: 12, y: 19 }, summary),
    svg('text', { class: 'meta', x: 12, y: 37 }, node.status + ' · ' + node.agentType + ' · depth ' + node.depth));
    group.addEventListener('click', () => { location.hash = '#/task/' + node.id; });
    root.appendChild(group);
  }
  return root;
}

async function sessions(view, params) {
  const cursors = params.getAll('page');
  const data = await api('/api/sessions' + query({ after: cursors[cursors.length - 1] }));
  view.replaceChildren(el('h1', null, 'Sessions'),
    table(['id', 'name', 'status', 'started', 'ended', 'events', 'created by'], data.items.map((s) => el('tr', { 'data-session': s.id },
      el('td', { class: 'mono' }, el('a', { href: '#/session/' + s.id }, s.id.slice(0, 8))), el('td', null, s.name),
      el('td', null, s.status), el('td', { class: 'mono' }, when(s.startedAt)), el('td', { class: 'mono' }, when(s.endedAt)),
      el('td', { class: 'num' }, s.events), el('td', null, s.createdBy))), { 'data-testid': 'session-table' }),
    pager(data, cursors, (pages) => { location.hash = '#/sessions' + pageQuery(pages); }));
}

function pageQuery(pages) {
  const search = new URLSearchParams();
  pages.forEach((cursor) => search.append('page', cursor));
  return search.toString() ? '?' + search : '';
}

async function session(view, id, params) {
  const cursors = params.getAll('page');
  const data = await api('/api/sessions/' + encodeURIComponent(id) + query({ after: cursors[cursors.length - 1] }));
  const s = data.session;
  view.replaceChildren(el('h1', null, 'Session ', s.name),
    fieldsTable([['id', el('span', { class: 'mono' }, s.id)], ['status', s.status], ['created by', s.createdBy],
      ['started', when(s.startedAt)], ['ended', when(s.endedAt)], ['events', s.events], ['metadata', pre(s.metadata)],
      ['tasks', el('a', { href: '#/tasks' + query({ session: s.id }) }, 'tasks of this session')]]),
    el('h2', null, 'Events'),
    table(['seq', 'at', 'type', 'payload'], data.events.items.map((e) => el('tr', null,
      el('td', { class: 'num' }, e.seq), el('td', { class: 'mono' }, when(e.at)), el('td', null, e.type),
      el('td', null, pre(e.payload)))), { 'data-testid': 'event-table' }),
    pager(data.events, cursors, (pages) => { location.hash = '#/session/' + s.id + pageQuery(pages); }));
}

async function agents(view, params) {
  const cursors = params.getAll('page');
  const data = await api('/api/agents' + query({ after: cursors[cursors.length - 1] }));
  view.replaceChildren(el('h1', null, 'Agents'),
    table(['id', 'name', 'type', 'status', 'registered', 'last heartbeat', 'capabilities'], data.items.map((a) => el('tr', null,
      el('td', { class: 'mono' }, a.id.slice(0, 8)), el('td', null, a.name), el('td', null, a.agentType), el('td', null, a.status),
      el('td', { class: 'mono' }, when(a.registeredAt)), el('td', { class: 'mono' }, when(a.lastHeartbeatAt)),
      el('td', null, pre(a.capabilities)))), { 'data-testid': 'agent-table' }),
    pager(data, cursors, (pages) => { location.hash = '#/agents' + pageQuery(pages); }));
}

async function memory(view, params) {
  const namespace = params.get('namespace');
  const key = params.get('key');
  const namespaces = await api('/api/memory/namespaces');
  const list = el('ul', { class: 'plain', 'data-testid': 'namespaces' }, namespaces.items.map((n) =>
    el('li', { class: n.namespace === namespace ? 'active' : null },
      el('a', { href: '#/memory' + query({ namespace: n.namespace }) }, n.namespace), ' ', el('span', { class: 'muted' }, '(' + n.keys + ')'))));
  let detail = el('p', { class: 'muted' }, namespaces.items.length ? 'Pick a namespace.' : 'No memory entries.');
  if (namespace && key) {
    const versions = await api('/api/memory/versions' + query({ namespace, key }));
    detail = el('div', null, el('h2', null, namespace + ' / ' + key),
      table(['version', 'updated', 'by', 'deleted', 'value'], versions.items.map((m) => el('tr', null,
        el('td', { class: 'num' }, m.version), el('td', { class: 'mono' }, when(m.updatedAt)), el('td', null, m.updatedBy),
        el('td', { class: 'mono' }, when(m.deletedAt)), el('td', null, pre(m.value)))), { 'data-testid': 'version-table' }));
  } else if (namespace) {
    const entries = await api('/api/memory/entries' + query({ namespace }));
    detail = el('div', null, el('h2', null, namespace),
      table(['key', 'version', 'updated', 'value'], entries.items.map((m) => el('tr', null,
        el('td', null, el('a', { href: '#/memory' + query({ namespace, key: m.key }) }, m.key)),
        el('td', { class: 'num' }, m.version), el('td', { class: 'mono' }, when(m.updatedAt)), el('td', null, pre(m.value)))),
      { 'data-testid': 'entry-table' }));
  }
  view.replaceChildren(el('h1', null, 'Memory'), el('div', { class: 'split' }, list, detail));
}

// ---- routing -------------------------------------------------------------------------------------------------

async function render() {
  clearTimeout(refreshTimer);
  const token = ++renderToken;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const section = parts[0] || 'overview';
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active',
    a.dataset.nav === section || (a.dataset.nav === 'tasks' && section === 'task') || (a.dataset.nav === 'sessions' && section === 'session')));
  const view = document.createElement('div');
  const errorBox = document.getElementById('error');
  try {
    if (section === 'overview') await overview(view);
    else if (section === 'tasks') await tasks(view, params);
    else if (section === 'task') await task(view, parts[1]);
    else if (section === 'sessions') await sessions(view, params);
    else if (section === 'session') await session(view, parts[1], params);
    else if (section === 'agents') await agents(view, params);
    else if (section === 'memory') await memory(view, params);
    else throw new Error('no page at ' + hash);
    if (token !== renderToken) return;
    errorBox.hidden = true;
    document.getElementById('view').replaceChildren(...view.childNodes);
    document.body.dataset.page = section;
  } catch (e) {
    if (token !== renderToken) return;
    errorBox.textContent = e.message;
    errorBox.hidden = false;
    document.body.dataset.page = 'error';
  }
}

async function start() {
  try {
    const data = await api('/api/overview');
    document.getElementById('database').textContent = data.database;
  } catch (e) {
    // the page itself shows the error
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
