// The auditor console: a thin view over the bus's exchange-log API (/api/v1/audit/...). It shows only what the API
// returns (the subject masked, never a clear identifier) and keeps the clear identifier an auditor types out of the
// address bar and the history: the search lives in memory only.

const API = new URL('../api/v1/audit/', document.baseURI);

const $ = (id) => document.getElementById(id);

/** An error answer of the API (problem+json), or a failure to reach it. */
class Problem extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

function apiUrl(path, params = {}) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  return url;
}

/** The auditor's bearer token, kept for this tab only (sessionStorage), never in the address bar. */
function authorization() {
  const token = $('token').value.trim();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function getJson(path, params) {
  let response;
  try {
    response = await fetch(apiUrl(path, params),
      { headers: { Accept: 'application/json, application/problem+json', ...authorization() } });
  } catch (unreachable) {
    throw new Problem(0, 'console.unreachable', `The bus did not answer (${unreachable.message})`);
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Problem(response.status, body?.code ?? `http.${response.status}`, body?.detail ?? response.statusText);
  }
  return body;
}

/** Builds an element; children that are strings become text (never markup: entries are untrusted text). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.filter((child) => child !== undefined && child !== null));
  return element;
}

function showProblem(container, problem) {
  container.replaceChildren(
    el('strong', {}, '⚠ '),
    el('span', { class: 'problem-detail' }, problem.message || '—'),
    ' ',
    el('code', { class: 'problem-code' }, problem.code ?? 'console.error'),
    problem.status ? el('span', { class: 'problem-status' }, ` HTTP ${problem.status}`) : null);
  container.hidden = false;
}

function hideProblem(container) {
  container.hidden = true;
  container.replaceChildren();
}

function asProblem(error) {
  return error instanceof Problem ? error : new Problem(0, 'console.error', error.message);
}

// ---- Verification ------------------------------------------------------------------------------------------------

async function verify() {
  const state = $('verification-state');
  const button = $('verify-now');
  button.disabled = true;
  state.dataset.state = 'pending';
  state.replaceChildren('校验中… Verifying…');
  try {
    renderVerification(await getJson('verification'));
  } catch (error) {
    state.dataset.state = 'error';
    state.replaceChildren();
    const box = el('div', { class: 'problem' });
    showProblem(box, asProblem(error));
    state.append(box);
  } finally {
    button.disabled = false;
  }
}

function renderVerification(result) {
  const state = $('verification-state');
  const summary = el('p', { class: 'figures' },
    `树大小 tree size ${result.treeSize} · 已核条目 entries verified ${result.entriesVerified} · `
    + `已核检查点 checkpoints verified ${result.checkpointsVerified} · `
    + `尚无检查点 not yet checkpointed ${result.uncheckpointed} · 核于 verified at ${result.verifiedAt}`);
  if (result.valid) {
    state.dataset.state = 'valid';
    state.replaceChildren(el('p', { class: 'verdict' }, '✓ 日志完整 The log verifies'), summary);
    return;
  }
  state.dataset.state = 'invalid';
  const verdict = el('p', { class: 'verdict' }, '✗ 日志校验失败 The log does NOT verify');
  const facts = el('dl', { class: 'facts' });
  if (result.firstBadIndex !== undefined) {
    const open = el('button', { type: 'button', class: 'link', id: 'first-bad-index' }, String(result.firstBadIndex));
    open.addEventListener('click', () => openEntry(result.firstBadIndex));
    facts.append(el('dt', {}, '首个异常条目 First bad index'), el('dd', {}, open));
  }
  facts.append(el('dt', {}, '问题 Problem'), el('dd', {}, el('code', { id: 'verification-problem' }, result.problem ?? '—')));
  facts.append(el('dt', {}, '详情 Detail'), el('dd', { id: 'verification-detail' }, result.detail ?? '—'));
  state.replaceChildren(verdict, facts, summary);
}

// ---- Search and paging -------------------------------------------------------------------------------------------

/** The filters of the results on screen: next pages and export links use these, not half-typed form values. */
let currentFilters = {};
let pageNumber = 1;

function instant(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

function filtersFromForm(form) {
  const data = new FormData(form);
  const filters = {};
  for (const name of ['subjectType', 'subject', 'consumer', 'department', 'operation', 'outcome', 'purpose', 'limit']) {
    const value = String(data.get(name) ?? '').trim();
    if (value) filters[name] = value;
  }
  for (const name of ['from', 'to']) {
    const value = instant(String(data.get(name) ?? ''));
    if (value) filters[name] = value;
  }
  return filters;
}

function updateExportLinks(filters) {
  const { limit, ...matches } = filters; // an export streams every match, not one page
  $('export-ndjson').href = apiUrl('export', { format: 'ndjson', ...matches });
  $('export-csv').href = apiUrl('export', { format: 'csv', ...matches });
}

async function search(filters, before) {
  const problem = $('search-problem');
  const table = $('results');
  $('search-submit').disabled = true;
  table.setAttribute('aria-busy', 'true');
  try {
    const page = await getJson('entries', { ...filters, before });
    hideProblem(problem);
    currentFilters = filters;
    updateExportLinks(filters);
    renderResults(page, before === undefined);
  } catch (error) {
    showProblem(problem, asProblem(error));
  } finally {
    $('search-submit').disabled = false;
    table.removeAttribute('aria-busy');
  }
}

function renderResults(page, firstPage) {
  pageNumber = firstPage ? 1 : pageNumber + 1;
  const rows = page.entries.map(resultRow);
  $('results').tBodies[0].replaceChildren(...rows);
  $('results-status').textContent = rows.length
    ? `第 ${pageNumber} 页，${rows.length} 条 · Page ${pageNumber}, ${rows.length} entries`
    : pageNumber === 1 ? '无匹配条目 No matching entries' : '没有更多条目 No more entries';
  const next = $('next-page');
  next.hidden = page.next === undefined;
  next.dataset.before = page.next ?? '';
  $('first-page').hidden = pageNumber === 1;
}

function resultRow({ index, entry }) {
  const open = el('button', { type: 'button', class: 'link', 'aria-label': `条目 Entry ${index}` }, String(index));
  open.addEventListener('click', () => openEntry(index));
  const outcome = el('span', { class: `outcome outcome-${entry.outcome}` }, entry.outcome ?? '—');
  return el('tr', { 'data-index': String(index) },
    el('td', { class: 'num' }, open),
    el('td', { class: 'time' }, entry.time ?? '—'),
    el('td', {}, entry.kind ?? '—'),
    el('td', {}, entry.consumer ?? '—'),
    el('td', {}, entry.department ?? '—'),
    el('td', {}, entry.operation ?? '—'),
    el('td', { class: 'subject' }, entry.subject?.masked ?? '—'),
    el('td', {}, entry.purpose ?? '—'),
    el('td', {}, outcome, entry.errorCode ? el('code', { class: 'error-code' }, entry.errorCode) : null));
}

// ---- Entry detail ------------------------------------------------------------------------------------------------

/** The entry the detail shows; an answer for an entry opened before it is dropped. */
let shownEntry;

async function openEntry(index) {
  const section = $('entry-detail');
  const problem = $('entry-problem');
  shownEntry = index;
  section.hidden = false;
  hideProblem(problem);
  $('entry-index').textContent = `#${index}`;
  for (const id of ['entry-place', 'entry-leaf-hash', 'entry-proof-check', 'entry-proof-against', 'entry-json']) {
    $(id).textContent = '';
  }
  delete $('entry-proof-check').dataset.state;
  $('entry-proof').replaceChildren();
  $('entry-title').focus();
  try {
    const [found, checkpoint] = await Promise.all([getJson(`entries/${index}`), latestCheckpoint()]);
    if (shownEntry !== index) return;
    $('entry-leaf-hash').textContent = found.leafHash;
    $('entry-json').textContent = JSON.stringify(found.entry, null, 2);
    if (!checkpoint || index >= checkpoint.size) {
      $('entry-place').textContent = `${index}，尚无检查点覆盖 · not yet covered by a checkpoint`
        + (checkpoint ? ` (latest size ${checkpoint.size})` : '');
      renderBrowserCheck({ state: 'unavailable', reason: '尚无检查点可核 no checkpoint to check it against yet' });
      return;
    }
    $('entry-place').textContent = `${index} / ${checkpoint.size} · index ${index} of tree size ${checkpoint.size}`;
    const proof = await getJson('proofs/inclusion', { index, size: checkpoint.size });
    if (shownEntry !== index) return;
    $('entry-proof-against').textContent = `against checkpoint of size ${proof.size}, root ${checkpoint.rootHash}`;
    $('entry-proof').replaceChildren(...proof.proof.map((hash) => el('li', {}, el('code', {}, hash))));
    if (proof.proof.length === 0) $('entry-proof').append(el('li', {}, '（空：树中仅此一叶）empty: the only leaf'));
    const check = await checkInBrowser(found, proof, checkpoint);
    if (shownEntry === index) renderBrowserCheck(check);
  } catch (error) {
    if (shownEntry === index) showProblem(problem, asProblem(error));
  }
}

async function latestCheckpoint() {
  try {
    return await getJson('checkpoint');
  } catch (error) {
    if (error.code === 'audit.no_checkpoint') return null;
    throw error;
  }
}

function renderBrowserCheck(check) {
  const cell = $('entry-proof-check');
  cell.dataset.state = check.state;
  cell.textContent = {
    ok: '✓ 条目哈希与证明均指向已签名根 The entry hashes to its leaf and the proof leads to the signed root',
    bad: `✗ ${check.reason}`,
    unavailable: `— ${check.reason}`,
  }[check.state];
}

// RFC 9162 with RFC 8785 canonical JSON, recomputed here so that the auditor need not take the bus's word for it.

/** RFC 8785 canonical JSON: JavaScript's own number and string serialisation, keys sorted by UTF-16 code units. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));

async function sha256(...parts) {
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

/** The root an inclusion proof leads to (RFC 9162, 2.1.3.2), or null when the proof cannot be for that place. */
async function rootFromProof(index, size, leaf, proof) {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(Uint8Array.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(Uint8Array.of(1), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

async function checkInBrowser(found, proof, checkpoint) {
  if (checkpoint.hashAlgorithm !== 'SHA-256' || !globalThis.crypto?.subtle) {
    return { state: 'unavailable', reason: `此浏览器无法计算 this browser cannot compute ${checkpoint.hashAlgorithm} here` };
  }
  const leaf = await sha256(Uint8Array.of(0), new TextEncoder().encode(canonical(found.entry)));
  if (toBase64(leaf) !== found.leafHash) {
    return { state: 'bad', reason: '条目内容与叶哈希不符 The entry does not hash to its leaf hash' };
  }
  const root = await rootFromProof(proof.index, proof.size, leaf, proof.proof.map(fromBase64));
  if (root === null || toBase64(root) !== checkpoint.rootHash) {
    return { state: 'bad', reason: '证明未指向已签名根 The proof does not lead to the signed checkpoint root' };
  }
  return { state: 'ok' };
}

// ---- Checkpoint history ------------------------------------------------------------------------------------------

async function loadCheckpoints(before) {
  const problem = $('checkpoints-problem');
  try {
    const page = await getJson('checkpoints', { before, limit: 20 });
    hideProblem(problem);
    const rows = page.checkpoints.map(checkpointRow);
    const body = $('checkpoint-table').tBodies[0];
    if (before === undefined) body.replaceChildren(...rows); else body.append(...rows);
    const older = $('older-checkpoints');
    older.hidden = page.next === undefined;
    older.dataset.before = page.next ?? '';
  } catch (error) {
    showProblem(problem, asProblem(error));
  }
}

function checkpointRow(checkpoint) {
  const timestamped = checkpoint.timestampToken
    ? el('span', { class: 'yes' }, `✓ 是 yes, ${checkpoint.timestampedAt ?? ''}`)
    : el('span', { class: 'no' }, '— 否 no');
  return el('tr', {},
    el('td', { class: 'num' }, String(checkpoint.size)),
    el('td', {}, el('code', {}, checkpoint.rootHash)),
    el('td', { class: 'time' }, checkpoint.time),
    el('td', {}, timestamped));
}

/** A download link of the API: fetched with the token (a plain link cannot send it), then saved under its name. */
async function download(event) {
  event.preventDefault();
  const link = event.currentTarget;
  const problem = $('export-problem');
  try {
    const response = await fetch(link.href, { headers: authorization() });
    if (!response.ok) {
      const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
      throw new Problem(response.status, body?.code ?? `http.${response.status}`, body?.detail ?? response.statusText);
    }
    const saved = el('a', { href: URL.createObjectURL(await response.blob()), download: link.getAttribute('download') });
    saved.click();
    URL.revokeObjectURL(saved.href);
    hideProblem(problem);
  } catch (failure) {
    showProblem(problem, failure instanceof Problem ? failure : new Problem(0, 'console.unreachable', failure.message));
  }
}

// ---- Wiring ------------------------------------------------------------------------------------------------------

const token = $('token');
token.value = sessionStorage.getItem('tongban-audit-token') ?? '';
token.addEventListener('change', () => {
  sessionStorage.setItem('tongban-audit-token', token.value.trim());
  search(currentFilters);
  verify();
  loadCheckpoints();
});
for (const id of ['export-ndjson', 'export-csv', 'export-bundle']) $(id).addEventListener('click', download);

const form = $('search-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  search(filtersFromForm(form)); // a refused search leaves the previous results, and their links, on screen
});
$('next-page').addEventListener('click', (event) => search(currentFilters, event.currentTarget.dataset.before));
$('first-page').addEventListener('click', () => search(currentFilters));
$('verify-now').addEventListener('click', verify);
$('refresh-checkpoints').addEventListener('click', () => loadCheckpoints());
$('older-checkpoints').addEventListener('click', (event) => loadCheckpoints(event.currentTarget.dataset.before));

search(currentFilters);
verify();
loadCheckpoints();
