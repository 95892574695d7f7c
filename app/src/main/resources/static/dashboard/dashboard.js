// Callflow dashboard: plain browser JavaScript over the public API; the key stays in this browser.
(function () {
  'use strict';

  const KEY = 'callflow.apiKey';
  const STREAMED_TYPES = ['activeflow_created', 'action_started', 'action_finished', 'activeflow_stopped',
    'activeflow_deleted', 'variables_set', 'timer_started', 'timer_fired', 'effect_requested', 'effect_responded',
    'jumped', 'goto_counted', 'stack_pushed', 'stack_popped', 'stale_input_ignored', 'clock_read',
    'flow_created', 'flow_updated', 'flow_deleted', 'media_requested', 'media_completed', 'digit_received',
    'call_created', 'call_dialing', 'call_ringing', 'call_progressing', 'call_terminating', 'call_canceling',
    'call_hangup'];
  const $ = (selector) => document.querySelector(selector);
  let stream = null;
  let selected = null;
  let refreshTimer = null;
  const flowNames = new Map();

  function key() { return localStorage.getItem(KEY) || ''; }

  async function api(method, path) {
    const response = await fetch(path, { method, headers: { Authorization: 'Bearer ' + key() } });
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    return { status: response.status, body };
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'class') { node.className = value; } else if (name.startsWith('on')) {
        node.addEventListener(name.substring(2), value);
      } else { node.setAttribute(name, value); }
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  }

  const short = (id) => (id ? String(id).substring(0, 8) : '—');
  const time = (text) => (text ? String(text).replace('T', ' ').substring(0, 23) : '');

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  // ---- counts and lists

  async function refreshCounts() {
    const counts = await api('GET', '/v1/dashboard/counts');
    if (counts.status !== 200) {
      $('#connection').textContent = 'the key was refused (' + counts.status + ')';
      return false;
    }
    const byStatus = counts.body.activeflows_by_status || {};
    $('#status-counts').replaceChildren(...Object.keys(byStatus).sort().map((status) =>
      el('span', { class: 'chip ' + status, 'data-status': status }, status + ': ' + byStatus[status])));
    if (Object.keys(byStatus).length === 0) { $('#status-counts').append(el('span', { class: 'muted' }, 'no activeflows yet')); }
    $('#active-calls').textContent = '(' + (counts.body.active_calls || 0) + ' active)';
    const callsByStatus = counts.body.calls_by_status || {};
    $('#call-counts').replaceChildren(...Object.keys(callsByStatus).sort().map((status) =>
      el('span', { class: 'chip ' + status, 'data-status': status }, status + ': ' + callsByStatus[status])));
    (counts.body.flows || []).forEach((f) => flowNames.set(f.flow_id, f.name));
    fill($('#flow-counts tbody'), (counts.body.flows || []).map((f) => el('tr', { 'data-flow': f.flow_id },
      el('td', {}, f.name || el('span', { class: 'id' }, short(f.flow_id))),
      el('td', { class: 'running' }, f.running), el('td', { class: 'completed' }, f.completed),
      el('td', { class: 'failed' }, f.failed),
      el('td', {}, Object.entries(f.ended_by_reason || {}).map(([r, n]) => r + ' ' + n).join(', ')))));
    return true;
  }

  function flowLabel(flowId) {
    if (!flowId) { return el('span', { class: 'muted' }, 'inline'); }
    return flowNames.get(flowId) || el('span', { class: 'id' }, short(flowId));
  }

  function activeflowRow(a, last) {
    const action = a.current_action;
    return el('tr', { class: 'pick', 'data-activeflow': a.id, onclick: () => select(a.id) },
      el('td', { class: 'id' }, short(a.id)), el('td', {}, flowLabel(a.flow_id)),
      el('td', {}, last === 'action' ? (action ? action.type + ' ' : '—') : (a.stop_reason || '')),
      el('td', {}, a.execute_count), el('td', {}, time(last === 'action' ? a.tm_create : a.tm_end)));
  }

  async function refreshActiveflows() {
    const running = await api('GET', '/v1/activeflows?status=running&page_size=50');
    if (running.status === 200) {
      fill($('#running tbody'), running.body.result.map((a) => activeflowRow(a, 'action')));
    }
    const ended = await api('GET', '/v1/activeflows?status=ended&page_size=10');
    if (ended.status === 200) {
      fill($('#ended tbody'), ended.body.result.map((a) => activeflowRow(a, 'end')));
    }
  }

  async function refreshCalls() {
    const calls = await api('GET', '/v1/calls?status=progressing&page_size=50');
    const box = $('#calls');
    if (calls.status !== 200 || !calls.body || !Array.isArray(calls.body.result)) {
      box.className = 'muted';
      box.textContent = 'calls: not available';
      return;
    }
    box.className = '';
    box.replaceChildren(calls.body.result.length === 0 ? el('span', { class: 'muted' }, 'no live calls')
      : el('ul', {}, calls.body.result.map((c) => el('li', {}, el('span', { class: 'id' }, short(c.id)), ' ',
        c.status || '', ' ', c.direction || ''))));
  }

  // ---- one activeflow

  async function select(id) {
    selected = id;
    $('#activeflow-panel').hidden = false;
    $('#activeflow-id').textContent = id;
    $('#replay-result').textContent = 'not replayed yet';
    $('#replay-result').className = 'muted';
    await refreshSelected();
  }

  async function refreshSelected() {
    if (!selected) { return; }
    const id = selected;
    const [activeflow, state, timeline] = await Promise.all([api('GET', '/v1/activeflows/' + id),
      api('GET', '/v1/activeflows/' + id + '/state'), api('GET', '/v1/timelines/activeflows/' + id + '/events?page_size=100')]);
    if (timeline.status !== 200 || state.status !== 200) { return; }
    const status = activeflow.status === 200 ? activeflow.body.status : (state.body.deleted ? 'deleted' : '?');
    $('#activeflow-status').textContent = status;
    $('#activeflow-status').className = 'chip ' + status;
    const events = timeline.body.result;
    drawPath(state.body, events);
    fill($('#timeline tbody'), events.map((e) => el('tr', { 'data-type': e.event_type },
      el('td', {}, e.sequence), el('td', {}, time(e.timestamp)), el('td', {}, e.event_type),
      el('td', {}, e.actor || ''), el('td', {}, detail(e)))));
  }

  function detail(e) {
    const p = e.payload || {};
    switch (e.event_type) {
      case 'action_started': return 'step ' + p.step + ': ' + (p.action ? p.action.type + ' ' + short(p.action.id) : '');
      case 'action_finished': return 'step ' + p.step + ': ' + p.outcome + (p.reason ? ' (' + p.reason + ')' : '');
      case 'variables_set': return Object.entries(p.values || {}).map(([k, v]) => k + '=' + v).join(', ');
      case 'activeflow_stopped': return (p.reason || '') + (p.detail ? ': ' + p.detail : '');
      case 'timer_started': return 'due at ' + time(p.due_at);
      case 'effect_requested': return p.effect + (p.awaited ? ', awaited' : '');
      case 'effect_responded': return p.effect + ' answered ' + p.status;
      case 'jumped': return 'to ' + short(p.action_id);
      default: return '';
    }
  }

  /** The activeflow's own actions (main stack first, fetched stacks after), the executed ones marked with their steps. */
  function drawPath(state, events) {
    const steps = new Map();
    events.filter((e) => e.event_type === 'action_started' && e.payload && e.payload.action).forEach((e) => {
      const id = e.payload.action.id;
      steps.set(id, (steps.get(id) || []).concat(e.payload.step));
    });
    const current = state.cursor && state.cursor.action ? state.cursor.action.id : null;
    const items = [];
    (state.stacks || []).forEach((stack, depth) => stack.actions.forEach((action) => {
      const ran = steps.get(action.id) || [];
      const classes = [ran.length ? 'executed' : 'not-executed', action.id === current ? 'current' : '',
        depth > 0 ? 'pushed' : ''].join(' ');
      items.push(el('li', { class: classes, 'data-action': action.id },
        ran.length ? el('span', { class: 'steps' }, 'step ' + ran.join(', ')) : '',
        el('strong', {}, action.type), ' ', el('span', { class: 'id muted' }, short(action.id)),
        action.next_id ? el('span', { class: 'muted' }, ' → ' + short(action.next_id)) : ''));
    }));
    $('#path').replaceChildren(...items);
  }

  async function replay() {
    if (!selected) { return; }
    const box = $('#replay-result');
    box.textContent = 'replaying…';
    const result = await api('POST', '/v1/activeflows/' + selected + '/replay');
    if (result.status !== 200) { box.textContent = 'replay failed: ' + result.status; return; }
    const r = result.body;
    box.className = '';
    box.replaceChildren(
      el('p', { id: 'replay-verdict', class: r.diverged ? 'bad' : 'ok' }, r.diverged
        ? 'diverged at input ' + r.first_divergence.input_index + ' (' + r.first_divergence.input + '), event '
          + r.first_divergence.sequence
        : 'no divergence: ' + r.inputs + ' inputs, ' + r.events + ' events decided the same'),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Input'), el('th', {}, 'At event'),
        el('th', {}, 'Same decision'))),
      el('tbody', {}, r.steps.map((s) => el('tr', {}, el('td', {}, s.index), el('td', {}, s.input),
        el('td', {}, s.sequence), el('td', { class: s.equal ? 'ok' : 'bad' }, s.equal ? 'yes' : 'no'))))));
  }

  // ---- live updates

  function scheduleRefresh() {
    if (refreshTimer) { return; }
    refreshTimer = setTimeout(async () => {
      refreshTimer = null;
      await refreshCounts();
      await refreshActiveflows();
      await refreshSelected();
    }, 300);
  }

  function openStream() {
    if (stream) { stream.close(); }
    stream = new EventSource('/v1/events/stream?accesskey=' + encodeURIComponent(key()));
    stream.onopen = () => { $('#connection').textContent = 'live'; };
    stream.onerror = () => { $('#connection').textContent = 'reconnecting…'; };
    const onEvent = (message) => {
      let e = {};
      try { e = JSON.parse(message.data); } catch (ignored) { e = {}; }
      const line = el('li', {}, time(e.timestamp) + ' ' + message.type + ' ' + short(e.aggregate_id));
      $('#stream').prepend(line);
      while ($('#stream').children.length > 50) { $('#stream').lastChild.remove(); }
      scheduleRefresh();
    };
    STREAMED_TYPES.forEach((type) => stream.addEventListener(type, onEvent));
    stream.onmessage = onEvent;
  }

  async function connect() {
    if (!key()) { $('#connection').textContent = 'enter an API key'; return; }
    $('#connection').textContent = 'connecting…';
    if (!(await refreshCounts())) { return; }
    await refreshActiveflows();
    await refreshCalls();
    $('#connection').textContent = 'connected';
    openStream();
  }

  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    localStorage.setItem(KEY, $('#api-key').value.trim());
    connect();
  });
  $('#replay').addEventListener('click', replay);
  $('#api-key').value = key();
  connect();
})();
