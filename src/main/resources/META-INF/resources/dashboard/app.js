'use strict';
// Stancewire dashboard: leaders, a leader, an article, "try it". Plain browser JavaScript, no library, no CDN:
// everything it needs comes from the service itself (the REST API under /api/v1 and the stream of changes).

const API = '/api/v1';
const view = document.getElementById('view');
const live = document.getElementById('live');
const PALETTE = ['#1f6fd1', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#0fa3b1', '#8c564b', '#e377c2'];
const NO_SPEAKER = '#9e9e9e';
const state = { leaders: new Map(), sort: { key: 'evidence', dir: -1 }, filter: '', sparks: new Map(), page: null };

// ---- small helpers -------------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'style') node.style.cssText = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children.flat()) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** A score in [-1, 1] as a colour: red (hostile), grey (0), green (warm). */
function scoreColor(score) {
  const s = Math.max(-1, Math.min(1, Number(score) || 0));
  const grey = [138, 143, 153], red = [198, 40, 40], green = [46, 125, 50];
  const to = s < 0 ? red : green, t = Math.min(1, Math.abs(s) * 1.6);
  const mix = grey.map((g, i) => Math.round(g + (to[i] - g) * t));
  return `rgb(${mix.join(',')})`;
}

function badge(score) {
  const s = Number(score) || 0;
  return el('span', { class: 'score', style: `background:${scoreColor(s)}`,
    title: s < 0 ? 'hostile / negative' : s > 0 ? 'warm / positive' : 'neutral' }, (s > 0 ? '+' : '') + s.toFixed(2));
}

function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return isNaN(d) ? String(instant) : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

async function getJson(path, options) {
  const response = await fetch(API + path, Object.assign({ headers: { Accept: 'application/json' } }, options));
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function failure(error) {
  return el('p', { class: 'error', role: 'alert' }, error.status === 404 ? 'Not found: ' + error.message : 'Could not load: ' + error.message);
}

// ---- live changes --------------------------------------------------------------------------------------------

function connect() {
  const source = new EventSource(API + '/leaders/stream');
  source.addEventListener('open', () => { live.textContent = 'live'; live.classList.add('on'); });
  source.addEventListener('error', () => { live.textContent = 'reconnecting…'; live.classList.remove('on'); });
  source.addEventListener('leader', event => {
    const leader = JSON.parse(event.data);
    const known = state.leaders.get(leader.id);
    if (!known || !known.updatedAt || !leader.updatedAt || known.updatedAt <= leader.updatedAt) {
      state.leaders.set(leader.id, leader);
      state.sparks.delete(leader.id);
      if (state.page && state.page.onLeader) state.page.onLeader(leader);
    }
  });
  source.addEventListener('leader-removed', event => {
    const { id } = JSON.parse(event.data);
    state.leaders.delete(id);
    if (state.page && state.page.onLeader) state.page.onLeader({ id, removed: true });
  });
}

// ---- routing -------------------------------------------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  const [, page, ...rest] = hash.split('/');
  const id = decodeURIComponent(rest.join('/'));
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active',
    (a.dataset.nav === 'leaders' && (page === '' || page === 'leader')) || a.dataset.nav === page));
  state.page = null;
  if (page === '' || page === undefined) leadersPage();
  else if (page === 'leader' && id) leaderPage(id);
  else if (page === 'article' && id) articlePage(id);
  else if (page === 'try') tryPage();
  else show(el('h1', {}, 'Not found'), el('p', {}, el('a', { href: '#/' }, 'Back to the leaders')));
  view.focus({ preventScroll: true });
}

// ---- leaders -------------------------------------------------------------------------------------------------

const COLUMNS = [
  { key: 'name', label: 'Leader' },
  { key: 'role', label: 'Role', narrow: true },
  { key: 'score', label: 'Score', num: true },
  { key: 'articles', label: 'Articles', num: true },
  { key: 'evidence', label: 'Evidence', num: true },
  { key: 'updatedAt', label: 'Last update', narrow: true },
  { key: 'spark', label: 'Last 30 days', narrow: true, unsortable: true },
];

async function leadersPage() {
  const filter = e => { state.filter = e.target.value; render(); };
  const search = el('input', { type: 'search', placeholder: 'Search leaders by name or role', 'aria-label': 'Search leaders',
    value: state.filter, oninput: filter, onsearch: filter, onchange: filter });
  const body = el('tbody', { id: 'leaders-body' });
  const head = el('tr', {}, COLUMNS.map(column => el('th', { class: [column.num ? 'num' : '', column.narrow ? 'hide-narrow' : ''].join(' '),
    scope: 'col', 'aria-sort': state.sort.key === column.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : null },
    column.unsortable ? column.label : el('button', { class: 'link', type: 'button', onclick: () => sortBy(column.key) }, column.label))));
  const count = el('span', { class: 'role', id: 'leaders-count' });
  show(el('h1', {}, 'Leaders'),
    el('div', { class: 'panel' }, el('div', { class: 'toolbar' }, search, count),
      el('div', { class: 'table-wrap' }, el('table', { id: 'leaders' }, el('thead', {}, head), body))));

  function sortBy(key) {
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'name' || key === 'role' ? 1 : -1) };
    leadersPage();
  }

  function render(changedId) {
    const needle = state.filter.trim().toLowerCase();
    const { key, dir } = state.sort;
    const rows = [...state.leaders.values()]
      .filter(l => !needle || (l.name || '').toLowerCase().includes(needle) || (l.role || '').toLowerCase().includes(needle))
      .sort((a, b) => {
        const x = a[key] ?? '', y = b[key] ?? '';
        return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.id < b.id ? -1 : 1);
      });
    body.replaceChildren(...rows.map(leader => row(leader, leader.id === changedId)));
    if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty' },
      state.leaders.size === 0 ? 'No leader yet: produce an article to the articles topic, or try one.' : 'No leader matches.')));
    count.textContent = `${rows.length} of ${state.leaders.size} leaders`;
  }

  function row(leader, changed) {
    return el('tr', { class: changed ? 'flash' : null, 'data-id': leader.id },
      el('td', {}, el('a', { href: '#/leader/' + encodeURIComponent(leader.id) }, leader.name || leader.id)),
      el('td', { class: 'role hide-narrow' }, leader.role || ''),
      el('td', { class: 'num' }, badge(leader.score)),
      el('td', { class: 'num' }, leader.articles),
      el('td', { class: 'num' }, leader.evidence),
      el('td', { class: 'role hide-narrow' }, when(leader.updatedAt)),
      el('td', { class: 'hide-narrow spark' }, sparkline(leader.id)));
  }

  const page = { onLeader: leader => render(leader.id) };
  state.page = page;
  render();
  const notice = el('p', { class: 'role', role: 'status' });
  view.append(notice);
  for (let attempt = 0; state.page === page; attempt++) {
    try {
      const all = await getJson('/leaders');
      for (const leader of all) {
        const known = state.leaders.get(leader.id);
        if (!known || !known.updatedAt || known.updatedAt <= leader.updatedAt) state.leaders.set(leader.id, leader);
      }
      notice.textContent = '';
      render();
      return;
    } catch (error) {
      if (error.status !== 503) { notice.replaceWith(failure(error)); return; }
      // starting or rebalancing: the live stream keeps the table current meanwhile; ask again shortly
      notice.textContent = 'The service is starting; the list completes in a moment.';
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}

/** The leader's score per day over the 30 days up to its latest day with evidence, drawn small. */
function sparkline(id) {
  const holder = el('span', { class: 'sparkline', 'aria-hidden': 'true' });
  const draw = days => {
    if (!days || days.length === 0) return;
    const last = new Date(days[days.length - 1].date + 'T00:00:00Z');
    const first = new Date(last.getTime() - 29 * 86400000);
    const recent = days.filter(d => new Date(d.date + 'T00:00:00Z') >= first);
    const x = d => 2 + (new Date(d.date + 'T00:00:00Z') - first) / (29 * 86400000) * 96;
    const y = d => 12 - d.score * 10;
    holder.replaceChildren(svg('svg', { viewBox: '0 0 100 24', width: 100, height: 24 },
      svg('line', { x1: 0, x2: 100, y1: 12, y2: 12, stroke: '#d5d9e0' }),
      svg('polyline', { points: recent.map(d => `${x(d)},${y(d)}`).join(' '), fill: 'none', stroke: '#2458d6', 'stroke-width': 1.5 }),
      recent.map(d => svg('circle', { cx: x(d), cy: y(d), r: 1.8, fill: scoreColor(d.score) }))));
  };
  if (state.sparks.has(id)) draw(state.sparks.get(id));
  else getJson('/leaders/' + encodeURIComponent(id) + '/timeline').then(days => { state.sparks.set(id, days); draw(days); }, () => {});
  return holder;
}

// ---- a leader ------------------------------------------------------------------------------------------------

async function leaderPage(id) {
  const path = '/leaders/' + encodeURIComponent(id);
  const from = el('input', { type: 'date', 'aria-label': 'From' });
  const to = el('input', { type: 'date', 'aria-label': 'To' });
  const chart = el('div', { class: 'chart', id: 'timeline' });
  const facts = el('div');
  const sources = el('div');
  const relations = el('div');
  const portrayal = el('div');
  show(el('p', {}, el('a', { href: '#/' }, '← Leaders')), facts,
    el('div', { class: 'grid' },
      el('section', { class: 'panel', 'aria-labelledby': 'tl' }, el('h2', { id: 'tl' }, 'Stance per day'),
        el('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); loadTimeline(); } }, from, to,
          el('button', { type: 'submit' }, 'Show')), chart),
      el('section', { class: 'panel', 'aria-labelledby': 'pr' }, el('h2', { id: 'pr' }, 'Portrayal by outlet'), portrayal)),
    el('div', { class: 'grid' },
      el('section', { class: 'panel', 'aria-labelledby': 'rl' }, el('h2', { id: 'rl' }, 'Relations'), relations),
      el('section', { class: 'panel', 'aria-labelledby': 'la' }, el('h2', { id: 'la' }, 'Latest articles'), sources)));

  async function loadLeader() {
    try {
      const leader = await getJson(path);
      facts.replaceChildren(el('h1', {}, leader.name, ' ', badge(leader.score)),
        el('dl', { class: 'facts' },
          el('dt', {}, 'Role'), el('dd', {}, leader.role || '—'),
          el('dt', {}, 'Articles'), el('dd', {}, leader.articles),
          el('dt', {}, 'Evidence'), el('dd', {}, leader.evidence),
          el('dt', {}, 'Last update'), el('dd', {}, when(leader.updatedAt))));
      sources.replaceChildren(list(leader.sources || [], s => el('li', {},
        el('a', { href: '#/article/' + encodeURIComponent(s.articleId) }, s.articleId), ' ', badge(s.score),
        el('span', { class: 'role' }, ` ${s.evidence} evidence · ${when(s.publishedAt)}`))));
    } catch (error) {
      facts.replaceChildren(failure(error));
    }
  }

  async function loadTimeline() {
    const query = new URLSearchParams();
    if (from.value) query.set('from', from.value);
    if (to.value) query.set('to', to.value);
    try {
      chart.replaceChildren(timelineChart(await getJson(path + '/timeline' + (query.toString() ? "?" + query : ""))));
    } catch (error) {
      chart.replaceChildren(failure(error));
    }
  }

  async function loadRelations() {
    try {
      const all = await getJson(path + '/relations');
      relations.replaceChildren(all.length === 0 ? el('p', { class: 'empty' }, 'No relation yet.') :
        el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Toward'), el('th', { class: 'num' }, 'Score'),
          el('th', { class: 'num' }, 'Evidence'), el('th', { class: 'num hide-narrow' }, 'Articles'))),
        el('tbody', {}, all.map(r => el('tr', {},
          el('td', {}, state.leaders.has(r.targetId) ? el('a', { href: '#/leader/' + encodeURIComponent(r.targetId) }, r.targetName) : r.targetName),
          el('td', { class: 'num' }, badge(r.score)), el('td', { class: 'num' }, r.evidence),
          el('td', { class: 'num hide-narrow' }, r.articles))))));
    } catch (error) {
      relations.replaceChildren(failure(error));
    }
    try {
      const p = await getJson(path + '/portrayal');
      portrayal.replaceChildren(el('p', {}, 'Overall ', badge(p.score), ` over ${p.articles} articles`),
        p.bySource.length === 0 ? el('p', { class: 'empty' }, 'No article with an outlet (source) yet.') :
          el('ul', { class: 'bars' }, p.bySource.map(s => el('li', {}, el('span', {}, s.source), badge(s.score),
            el('span', { class: 'role' }, `${s.articles}`)))));
    } catch (error) {
      portrayal.replaceChildren(failure(error));
    }
  }

  state.page = { onLeader: leader => { if (leader.id === id) { loadLeader(); loadTimeline(); loadRelations(); } } };
  await Promise.all([loadLeader(), loadTimeline(), loadRelations()]);
}

function list(items, render) {
  return items.length === 0 ? el('p', { class: 'empty' }, 'None.') : el('ul', {}, items.map(render));
}

/** Score per day (line and points, -1 to 1) and evidence per day (bars), oldest first. */
function timelineChart(days) {
  if (days.length === 0) return el('p', { class: 'empty' }, 'No evidence in this range.');
  const W = 640, H = 260, left = 36, right = 12, top = 12, mid = 170, bottom = 240;
  const t0 = new Date(days[0].date + 'T00:00:00Z').getTime();
  const t1 = new Date(days[days.length - 1].date + 'T00:00:00Z').getTime();
  const span = Math.max(t1 - t0, 86400000);
  const x = d => left + (new Date(d.date + 'T00:00:00Z').getTime() - t0) / span * (W - left - right) + (days.length === 1 ? (W - left - right) / 2 : 0);
  const y = s => top + (1 - s) / 2 * (mid - top - 10);
  const most = Math.max(...days.map(d => d.evidence), 1);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Stance per day, ${days.length} days` },
    svg('line', { class: 'axis', x1: left, x2: W - right, y1: y(1), y2: y(1) }),
    svg('line', { class: 'zero', x1: left, x2: W - right, y1: y(0), y2: y(0) }),
    svg('line', { class: 'axis', x1: left, x2: W - right, y1: y(-1), y2: y(-1) }),
    svg('text', { x: 2, y: y(1) + 4 }, '+1'), svg('text', { x: 8, y: y(0) + 4 }, '0'), svg('text', { x: 4, y: y(-1) + 4 }, '−1'),
    svg('polyline', { class: 'line', points: days.map(d => `${x(d)},${y(d.score)}`).join(' ') }),
    days.map(d => svg('circle', { class: 'point', cx: x(d), cy: y(d.score), r: 4, fill: scoreColor(d.score) },
      svg('title', {}, `${d.date}: score ${d.score.toFixed(2)}, ${d.evidence} evidence, ${d.articles} articles`))),
    days.map(d => svg('rect', { x: x(d) - 3, width: 6, y: bottom - (d.evidence / most) * (bottom - mid - 8),
      height: (d.evidence / most) * (bottom - mid - 8), fill: '#b7c6ea' }, svg('title', {}, `${d.date}: ${d.evidence} evidence`))),
    svg('text', { x: left, y: H - 4 }, days[0].date),
    svg('text', { x: W - right - 70, y: H - 4 }, days[days.length - 1].date),
    svg('text', { x: 2, y: bottom - 2 }, 'evid.'));
}

// ---- an article ----------------------------------------------------------------------------------------------

async function articlePage(id) {
  show(el('p', {}, el('a', { href: '#/' }, '← Leaders')), el('p', { class: 'empty' }, 'Loading…'));
  try {
    const analysis = await getJson('/articles/' + encodeURIComponent(id));
    show(el('p', {}, el('a', { href: '#/' }, '← Leaders')), articleView(analysis));
  } catch (error) {
    show(el('p', {}, el('a', { href: '#/' }, '← Leaders')), failure(error));
  }
}

function articleView(analysis) {
  const actors = new Map(analysis.actors.map(a => [a.id, a]));
  const name = id => (actors.get(id) || {}).name || id;
  const colors = new Map();
  for (const quote of analysis.quotes.slice().sort((a, b) => a.start - b.start)) {
    const speaker = quote.speakerId || (quote.speakerIds || [])[0];
    if (speaker && !colors.has(speaker)) colors.set(speaker, PALETTE[colors.size % PALETTE.length]);
  }
  const leaderLink = id => actors.get(id) && actors.get(id).leader
    ? el('a', { href: '#/leader/' + encodeURIComponent(id) }, name(id)) : name(id);
  return el('article', { class: 'panel', id: 'article' },
    el('h1', {}, analysis.title || analysis.articleId || 'Your text'),
    el('p', { class: 'role' }, [analysis.source, when(analysis.publishedAt)].filter(Boolean).join(' · ')),
    el('h2', {}, 'Speakers'),
    el('ul', { class: 'legend', id: 'speakers' }, [...colors].map(([speaker, color]) =>
      el('li', { 'data-speaker': speaker }, el('span', { class: 'swatch', style: `--c:${color}` }), leaderLink(speaker))),
      el('li', {}, el('span', { class: 'swatch', style: `--c:${NO_SPEAKER}` }), 'no person or organisation')),
    analysis.body ? el('div', { class: 'article-text', id: 'article-text' }, highlighted(analysis, colors, name))
      : el('p', { class: 'empty' }, 'This analysis was stored without its text.'),
    el('h2', {}, 'Tone cues'),
    list(analysis.tones, t => el('li', {}, el('strong', {}, t.cue), ' ', badge(t.polarity), ` ${t.category}: `,
      (t.agentIds.map(name).join(', ') || '—') + ' → ' + (t.targetIds.map(name).join(', ') || '—'))),
    el('h2', {}, 'Actors'),
    el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Actor'), el('th', { class: 'hide-narrow' }, 'Type'),
      el('th', { class: 'num' }, 'Portrayal'), el('th', { class: 'num' }, 'Stance'), el('th', { class: 'num hide-narrow' }, 'Mentions'))),
    el('tbody', {}, analysis.actors.map(a => {
      const stance = (analysis.stances || []).find(s => s.actorId === a.id);
      return el('tr', {}, el('td', {}, leaderLink(a.id)), el('td', { class: 'role hide-narrow' }, a.type),
        el('td', { class: 'num' }, badge(a.portrayal)), el('td', { class: 'num' }, stance ? badge(stance.score) : '—'),
        el('td', { class: 'num hide-narrow' }, a.mentions.length));
    })))),
    el('h2', {}, 'Relations'),
    list(analysis.relations || [], r => el('li', {}, `${name(r.agentId)} → ${name(r.targetId)} `, badge(r.score),
      el('span', { class: 'role' }, ` ${r.evidence} evidence: ${(r.spans || []).map(s => '“' + s.text.slice(0, 60) + '”').join(', ')}`))));
}

/** The body with every quote in its speaker's colour and every tone cue underlined (its agents and targets on hover). */
function highlighted(analysis, colors, name) {
  const body = analysis.body;
  const cuts = new Set([0, body.length]);
  for (const span of analysis.quotes.concat(analysis.tones)) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter(c => c >= 0 && c <= body.length).sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(body.slice(a, b));
    const tone = analysis.tones.find(t => t.start <= a && b <= t.end);
    if (tone) {
      node = el('u', { class: 'tone', style: `--tc:${tone.polarity < 0 ? '#c62828' : '#2e7d32'}`,
        title: `${tone.category} ${tone.polarity}: ${tone.agentIds.map(name).join(', ') || '—'} → ${tone.targetIds.map(name).join(', ') || '—'}` }, node);
    }
    const quote = analysis.quotes.filter(q => q.start <= a && b <= q.end)
      .sort((x, y) => (x.kind === 'direct' ? 0 : 1) - (y.kind === 'direct' ? 0 : 1) || (x.end - x.start) - (y.end - y.start))[0];
    if (quote) {
      const speaker = quote.speakerId || (quote.speakerIds || [])[0];
      node = el('mark', { class: 'quote ' + quote.kind, style: `--c:${speaker ? colors.get(speaker) : NO_SPEAKER}`,
        'data-speaker': speaker || '', title: speaker ? name(speaker) : (quote.sourceMention ? quote.sourceMention.text : 'no speaker') }, node);
    }
    nodes.push(node);
  }
  return nodes;
}

// ---- try it --------------------------------------------------------------------------------------------------

function tryPage() {
  const text = el('textarea', { id: 'try-text', 'aria-label': 'Article text', placeholder: 'Paste an article in English…' });
  const result = el('div', { id: 'try-result' });
  const form = el('form', { onsubmit: async e => {
    e.preventDefault();
    result.replaceChildren(el('p', { class: 'empty' }, 'Analysing…'));
    try {
      const analysis = await getJson('/analyze', { method: 'POST', body: JSON.stringify({ body: text.value }),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
      result.replaceChildren(articleView(analysis));
    } catch (error) {
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
  } }, el('div', { class: 'panel' }, el('label', { for: 'try-text' }, 'The text of an article: nothing is stored.'), text,
    el('p', {}, el('button', { type: 'submit', id: 'try-submit' }, 'Analyse'))));
  show(el('h1', {}, 'Try it'), form, result);
}

window.addEventListener('hashchange', route);
connect();
route();
