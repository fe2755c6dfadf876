// The customer's page: enter a PIN code, or choose a channel (the list of /api/v1/customer/channels when the
// address names the account, /join?site=<siteKey>; else the channel's number), then wait: the page polls the
// session (GET /api/v1/customer/sessions/current with the customer's token) until a technician starts it,
// and shows who is with the customer; Leave ends it. The token lives in this tab's sessionStorage only.
import {api} from './api.js';
import {h, fill, say, duration} from './dom.js';

const POLL_MS = 2000;
const STORE = 'sg.customer';
const CLOSED = ['CLOSED_BY_TECHNICIAN', 'CLOSED_BY_CUSTOMER', 'CLOSED_BY_WAITING_CUSTOMER', 'TIMED_OUT', 'EXPIRED'];

const $ = id => document.getElementById(id);
const query = new URLSearchParams(location.search);

let token = null;
let timer = null;
let ticker = null;
let waitedFrom = null; // local ms when waitingSeconds was 0

function joinError(e) {
  if (!e.status) return 'The server cannot be reached: check your connection and try again.';
  const code = e.problem && e.problem.code;
  if (code === 'WRONG_PIN') return 'This PIN code is not valid: check it with your technician (a PIN code works once, '
    + 'for a limited time).';
  if (code === 'NO_SUCH_CHANNEL') return 'No support queue with this number takes customers now.';
  if (e.status === 429) {
    const wait = e.headers && e.headers.get('Retry-After');
    return `Too many wrong PIN codes: try again in ${wait || 'a few'} seconds.`;
  }
  const errors = e.problem && e.problem.errors;
  if (errors && errors.length) return errors.map(x => x.message.charAt(0).toUpperCase() + x.message.slice(1) + '.')
    .join(' ');
  return (e.problem && (e.problem.detail || e.problem.title)) || `The server refused it (HTTP ${e.status}).`;
}

function showJoin(kind, text) {
  stop();
  $('wait-view').hidden = true;
  $('join-view').hidden = false;
  say($('join-message'), kind || 'info', text || '');
}

function stop() {
  clearTimeout(timer);
  clearInterval(ticker);
  timer = null;
  ticker = null;
}

function forget() {
  token = null;
  sessionStorage.removeItem(STORE);
}

function showWaiting() {
  $('join-view').hidden = true;
  $('wait-view').hidden = false;
  $('leave').hidden = false;
  $('again').hidden = true;
  say($('wait-message'), 'info', '');
}

function render(s) {
  const title = $('wait-title');
  const status = $('wait-status');
  const detail = $('wait-detail');
  const before = title.textContent;
  status.replaceChildren();
  if (s.status === 'WAITING' || s.status === 'TRANSFERRING' || s.status === 'PIN_ISSUED') {
    title.textContent = 'You are in the queue';
    status.append(h('span', {class: 'spinner', 'aria-hidden': 'true'}),
      s.status === 'TRANSFERRING' ? 'You are being passed to a technician…' : 'Waiting for a technician…');
    if (s.waitingSeconds !== null && s.waitingSeconds !== undefined) {
      waitedFrom = Date.now() - s.waitingSeconds * 1000;
    }
    detail.textContent = `You have waited ${duration((Date.now() - waitedFrom) / 1000)}. Keep this page open.`;
    if (!ticker) {
      ticker = setInterval(() => {
        if (waitedFrom !== null && !$('wait-view').hidden && $('wait-title').textContent === 'You are in the queue') {
          detail.textContent = `You have waited ${duration((Date.now() - waitedFrom) / 1000)}. Keep this page open.`;
        }
      }, 1000);
    }
  } else if (s.status === 'ACTIVE') {
    title.textContent = 'Your session has started';
    status.append('A technician is with you: ', h('strong', {id: 'technician-name'}, s.technicianName || 'your technician'), '.');
    detail.textContent = 'Follow their instructions. Leave when you are done.';
  } else if (s.status === 'ON_HOLD') {
    title.textContent = 'Your session is on hold';
    status.append(h('strong', {id: 'technician-name'}, s.technicianName || 'Your technician'),
      ' put your session on hold: please wait, they will be back.');
    detail.textContent = '';
  } else if (CLOSED.includes(s.status)) {
    title.textContent = 'Your session has ended';
    status.append(`Your session has ended (${s.statusText}).`);
    detail.textContent = 'Thank you. You may close this page.';
    $('leave').hidden = true;
    $('again').hidden = false;
    stop();
    forget();
  }
  if (before !== title.textContent && document.activeElement !== $('leave')) title.focus();
}

async function poll() {
  clearTimeout(timer);
  if (!token) return;
  try {
    const s = (await api('GET', '/api/v1/customer/sessions/current', undefined, {bearer: token})).body;
    render(s);
    if (CLOSED.includes(s.status)) return;
  } catch (e) {
    if (e.status === 401) {
      forget();
      showJoin('bad', 'Your session is no longer known here: join again.');
      return;
    }
    say($('wait-message'), 'bad', 'The server cannot be reached: still trying…');
  }
  timer = setTimeout(poll, POLL_MS);
}

async function join(body, button) {
  button.disabled = true;
  say($('join-message'), 'info', 'Connecting…');
  try {
    const joined = (await api('POST', '/api/v1/customer/sessions', body)).body;
    token = joined.token;
    sessionStorage.setItem(STORE, JSON.stringify({token, id: joined.id}));
    waitedFrom = Date.now();
    showWaiting();
    render({status: joined.status, statusText: joined.statusText, waitingSeconds: 0});
    timer = setTimeout(poll, POLL_MS);
  } catch (e) {
    say($('join-message'), 'bad', joinError(e));
  } finally {
    button.disabled = false;
  }
}

async function channels() {
  const site = query.get('site');
  const wanted = query.get('channel');
  if (wanted && /^[0-9]+$/.test(wanted)) $('channel-id').value = wanted;
  if (!site) return;
  try {
    const list = (await api('GET', '/api/v1/customer/channels?siteKey=' + encodeURIComponent(site))).body.items;
    if (!list.length) {
      $('channel-hint').textContent = 'No support queue is open for this team now; if you have a channel number, enter it.';
      return;
    }
    const select = h('select', {id: 'channel-id', name: 'channelId', required: true},
      list.map(c => h('option', {value: String(c.id)}, c.name)));
    if (wanted) select.value = wanted;
    fill($('channel-choice'), h('label', {for: 'channel-id'}, 'Support queue'), select);
  } catch (e) {
    // keep the number field
  }
}

function wire() {
  $('pin-form').addEventListener('submit', event => {
    event.preventDefault();
    const pin = $('pin-code').value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(pin)) {
      say($('join-message'), 'bad', 'A PIN code is six digits.');
      $('pin-code').focus();
      return;
    }
    const body = {pinCode: pin};
    const name = $('pin-name').value.trim();
    if (name) body.name = name;
    join(body, $('pin-submit'));
  });
  $('channel-form').addEventListener('submit', event => {
    event.preventDefault();
    const id = String($('channel-id').value).trim();
    const name = $('channel-name').value.trim();
    if (!/^[0-9]+$/.test(id)) {
      say($('join-message'), 'bad', 'Choose a support queue (or enter its number).');
      $('channel-id').focus();
      return;
    }
    if (!name) {
      say($('join-message'), 'bad', 'Say your name, so that the technician knows who you are.');
      $('channel-name').focus();
      return;
    }
    const body = {channelId: Number(id), name};
    const problem = $('channel-problem').value.trim();
    if (problem) body.customFields = [null, problem];
    join(body, $('channel-submit'));
  });
  $('leave').addEventListener('click', async () => {
    if (!token) return;
    $('leave').disabled = true;
    try {
      const s = (await api('POST', '/api/v1/customer/sessions/current/leave', undefined, {bearer: token})).body;
      render(s);
      $('wait-status').textContent = 'You left the session.';
    } catch (e) {
      if (e.status === 409 || e.status === 401) {
        stop();
        forget();
        showJoin('info', 'Your session had already ended.');
      } else {
        say($('wait-message'), 'bad', 'Could not leave: the server cannot be reached. Try again.');
      }
    } finally {
      $('leave').disabled = false;
    }
  });
  $('again').addEventListener('click', () => {
    forget();
    showJoin();
    $('pin-code').focus();
  });
}

function boot() {
  wire();
  channels();
  const kept = sessionStorage.getItem(STORE);
  if (kept) {
    try {
      token = JSON.parse(kept).token;
    } catch (e) {
      token = null;
    }
  }
  if (token) {
    showWaiting();
    poll();
  } else {
    showJoin();
  }
}

boot();
