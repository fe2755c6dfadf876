// The Audit tab: the account's event trail (GET .../events), oldest first, a page at a time, filtered by
// kind of object and by object id.
import {api, accountPath} from './api.js';
import {h, fill, say, when, table, td} from './dom.js';
import {refusal, statusText} from './words.js';

const SIZES = [10, 20, 50, 100, 200];
const KINDS = [
  ['', 'Everything'],
  ['SUPPORT_SESSION', 'Support sessions'],
  ['WEB_SESSION', 'Web sessions (logins)'],
  ['USER', 'Users'],
  ['NODE', 'Groups and channels'],
  ['ACCOUNT', 'Account settings'],
  ['ROLE', 'Roles'],
  ['FOLDER_LIST', 'Folder lists'],
  ['API_TOKEN', 'API tokens'],
];
const WEB_STATUS = {A: 'Active', T: 'Timed out', E: 'Ended'};
const KIND_TEXT = Object.fromEntries(KINDS.filter(k => k[0]));

export function mount(panel, ctx) {
  const state = {kind: '', objectId: '', size: 50, cursors: [null], page: 0, next: null, shown: false};

  const kind = h('select', {id: 'audit-kind', name: 'objectType'}, KINDS.map(([v, l]) => h('option', {value: v}, l)));
  const object = h('input', {id: 'audit-object', name: 'objectId', type: 'number', min: '1', step: '1',
    inputmode: 'numeric', 'aria-describedby': 'audit-object-hint'});
  const size = h('select', {id: 'audit-size', name: 'limit'}, SIZES.map(n => h('option', {value: String(n)}, String(n))));
  size.value = String(state.size);
  const form = h('form', {id: 'audit-form'},
    h('div', {class: 'toolbar'},
      h('div', null, h('label', {for: 'audit-kind'}, 'Kind'), kind),
      h('div', null, h('label', {for: 'audit-object'}, 'Object id'), object),
      h('div', null, h('label', {for: 'audit-size'}, 'Per page'), size),
      h('div', {class: 'grow-0'}, h('button', {type: 'submit', class: 'primary', id: 'audit-show'}, 'Show'))),
    h('p', {class: 'hint', id: 'audit-object-hint'}, 'An object id needs a kind: it shows that one object\'s events.'));
  const message = h('p', {class: 'message', role: 'alert', id: 'audit-message'});
  const list = h('div', {id: 'audit-list'});
  const first = h('button', {type: 'button', id: 'audit-first'}, '⇤ First page');
  const previous = h('button', {type: 'button', id: 'audit-previous'}, '← Previous');
  const next = h('button', {type: 'button', id: 'audit-next'}, 'Next →');
  const where = h('span', {class: 'where', id: 'audit-where'});

  panel.append(
    h('h2', null, 'Audit trail'),
    h('p', {class: 'hint'}, 'Every change of the account, oldest first: who did what, before and after.'),
    form, message, list, h('div', {class: 'pager'}, first, previous, next, where));

  const syncObject = () => {
    object.disabled = !kind.value;
    if (!kind.value) object.value = '';
  };
  kind.addEventListener('change', syncObject);
  syncObject();
  form.addEventListener('submit', event => {
    event.preventDefault();
    state.kind = kind.value;
    state.objectId = object.value.trim();
    state.size = Number(size.value);
    state.cursors = [null];
    state.page = 0;
    load();
  });
  first.addEventListener('click', () => {
    state.page = 0;
    load();
  });
  previous.addEventListener('click', () => {
    if (state.page > 0) {
      state.page--;
      load();
    }
  });
  next.addEventListener('click', () => {
    if (state.next) {
      state.cursors[state.page + 1] = state.next;
      state.page++;
      load();
    }
  });

  async function load() {
    const params = new URLSearchParams({limit: String(state.size)});
    if (state.kind) params.set('objectType', state.kind);
    if (state.kind && state.objectId) params.set('objectId', state.objectId);
    const after = state.cursors[state.page];
    if (after) params.set('after', after);
    try {
      const page = await api('GET', accountPath(ctx.siteKey, 'events') + '?' + params);
      const items = page.body.items;
      // The feed's next is the cursor after this page's last event; an empty page repeats it.
      state.next = items.length === state.size ? page.body.next : null;
      say(message, 'info', '');
      render(items);
      where.textContent = items.length
        ? `Page ${state.page + 1} · events ${items[0].id}–${items[items.length - 1].id}` : `Page ${state.page + 1}`;
    } catch (e) {
      if (e.status === 401) return ctx.loginEnded();
      state.next = null;
      fill(list);
      where.textContent = '';
      if (e.code === 'WHOLE_ACCOUNT_REQUIRED') {
        say(message, 'info', 'The whole audit trail is for master administrators. You may read the events of one '
          + 'support session of your folder list: choose "Support sessions" and its id (or open it on the Sessions tab).');
      } else {
        const errors = e.problem && e.problem.errors;
        say(message, 'bad', errors && errors.length ? errors.map(x => x.message).join(' ') : refusal('events', e));
      }
    }
    first.disabled = state.page === 0;
    previous.disabled = state.page === 0;
    next.disabled = !state.next;
  }

  function render(items) {
    if (!items.length) {
      fill(list, h('p', {class: 'empty'}, 'No events.'));
      return;
    }
    fill(list, table('Events', [
      {label: '#', class: 'num'}, {label: 'When'}, {label: 'Kind'}, {label: 'Object', class: 'num'},
      {label: 'What'}, {label: 'Change'}, {label: 'By'},
    ], items.map(e => h('tr', {'data-event-id': e.id},
      td('#', String(e.id), 'num mono'),
      td('When', when(e.occurredAt)),
      td('Kind', KIND_TEXT[e.objectType] || e.objectType),
      td('Object', String(e.objectId), 'num mono'),
      td('What', e.action.replaceAll('_', ' ').toLowerCase()),
      td('Change', change(e.objectType, e.before, e.after)),
      td('By', ctx.directory.userName(e.byUserId))))));
  }

  function change(objectType, before, after) {
    const b = before || {};
    const a = after || {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter(k => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
    const word = (key, value) => {
      if (value === null || value === undefined) return '—';
      if (key === 'status' && objectType === 'WEB_SESSION') return WEB_STATUS[value] || String(value);
      if (key === 'status' && typeof value === 'string') return statusText(value);
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
    };
    if (!keys.length) return '—';
    return h('ul', {class: 'plain'}, keys.map(k => h('li', null,
      k in b && before ? `${k}: ${word(k, b[k])} → ${word(k, a[k])}` : `${k}: ${word(k, a[k])}`)));
  }

  return {
    show() {
      state.shown = true;
      load();
    },
    hide() {
      state.shown = false;
    },
    destroy() {
      state.shown = false;
    },
  };
}
