// The Web sessions tab: the account's logins (who, from which address, since when), a page at a time; end
// one, or refresh its roles and folder list from its user (both Session.Update, through PATCH with the
// ETag of a fresh read).
import {api, accountPath} from './api.js';
import {h, fill, say, when, table, td} from './dom.js';
import {refusal} from './words.js';

const POLL_MS = 5000;
const PAGE = 50;
const STATUSES = [
  {value: 'ACTIVE', label: 'Active'},
  {value: 'TIMED_OUT', label: 'Timed out'},
  {value: 'ENDED', label: 'Ended'},
  {value: '', label: 'All'},
];
const STATUS_TEXT = {ACTIVE: 'Active', TIMED_OUT: 'Timed out', ENDED: 'Ended'};

export function mount(panel, ctx) {
  const state = {status: 'ACTIVE', cursors: [null], page: 0, rows: [], next: null, timer: null, shown: false,
    signature: null, acting: false};

  const filter = h('select', {id: 'web-sessions-filter'}, STATUSES.map(s => h('option', {value: s.value}, s.label)));
  const updated = h('span', {class: 'status-line'});
  const message = h('p', {class: 'message', role: 'alert', id: 'web-sessions-message'});
  const list = h('div', {id: 'web-sessions-list'});
  const previous = h('button', {type: 'button', id: 'web-sessions-previous'}, '← Previous page');
  const next = h('button', {type: 'button', id: 'web-sessions-next'}, 'Next page →');
  const where = h('span', {class: 'where'});

  panel.append(
    h('h2', null, 'Web sessions'),
    h('p', {class: 'hint'}, 'Everyone logged in to this account (the login cookie of the Rescue API and of this '
      + 'page): ending a login stops its cookie at once; refreshing it gives it its user\'s current roles and '
      + 'folder list.'),
    h('div', {class: 'toolbar'},
      h('div', null, h('label', {for: 'web-sessions-filter'}, 'Status'), filter),
      h('div', {class: 'grow-0'}, h('button', {type: 'button', onclick: () => load()}, 'Refresh now')),
      updated),
    message, list, h('div', {class: 'pager'}, previous, next, where));

  filter.addEventListener('change', () => {
    state.status = filter.value;
    state.cursors = [null];
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
    clearTimeout(state.timer);
    if (!state.shown) return;
    try {
      const params = new URLSearchParams({limit: String(PAGE)});
      if (state.status) params.set('status', state.status);
      const cursor = state.cursors[state.page];
      if (cursor) params.set('cursor', cursor);
      const page = await api('GET', accountPath(ctx.siteKey, 'web-sessions') + '?' + params);
      state.next = page.body.next;
      const sig = JSON.stringify(page.body.items);
      if (sig !== state.signature) {
        state.signature = sig;
        state.rows = page.body.items;
        render();
      }
      previous.disabled = state.page === 0;
      next.disabled = !state.next;
      where.textContent = `Page ${state.page + 1}`;
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      if (message.classList.contains('bad')) say(message, 'info', ''); // an earlier failure is over
    } catch (e) {
      if (e.status === 401) return ctx.loginEnded();
      say(message, 'bad', 'Could not read the web sessions: ' + refusal('list', e));
    }
    if (state.shown) state.timer = setTimeout(load, POLL_MS);
  }

  function render() {
    if (!state.rows.length) {
      fill(list, h('p', {class: 'empty'}, 'No web sessions with this status.'));
      return;
    }
    fill(list, table('Web sessions', [
      {label: 'Login'}, {label: 'User'}, {label: 'Role'}, {label: 'Address'}, {label: 'Since'},
      {label: 'Last request'}, {label: 'Requests', class: 'num'}, {label: 'Status'}, {label: 'Actions'},
    ], state.rows.map(w => {
      const own = w.userId === ctx.me.userId;
      const known = w.userId != null && (ctx.directory.users.has(w.userId)
        || ctx.directory.all().some(n => n.userId === w.userId));
      const user = w.userId == null ? 'not logged in'
        : (known || !own ? ctx.directory.userName(w.userId) : sessionStorage.getItem('sg.email') || 'you')
          + (own ? ' (you)' : '');
      const active = w.status === 'ACTIVE';
      return h('tr', {'data-web-session-id': w.id, 'data-user-id': w.userId},
        td('Login', String(w.id), 'mono'),
        td('User', user),
        td('Role', w.wholeAccount ? 'master administrator' : w.administrator ? 'administrator' : 'technician'),
        td('Address', w.ipAddress || '—', 'mono'),
        td('Since', when(w.createdAt)),
        td('Last request', when(w.lastRequestAt)),
        td('Requests', String(w.requestCount), 'num'),
        td('Status', h('span', {class: 'badge' + (active ? ' online' : ' offline')}, STATUS_TEXT[w.status] || w.status)),
        td('Actions', active ? h('div', {class: 'actions'},
          h('button', {type: 'button', class: 'danger', 'aria-label': `End login ${w.id} of ${user}`,
            onclick: () => patch(w, {status: 'ENDED'}, `Login ${w.id} of ${user} is ended: its cookie no longer works.`)},
          'End'),
          h('button', {type: 'button', 'aria-label': `Refresh the roles and folder list of login ${w.id}`,
            onclick: () => patch(w, {refreshRolesAndFolderList: true},
              `Login ${w.id} of ${user} now has its user's current roles and folder list.`)},
          'Refresh roles')) : '—'));
    })));
  }

  async function patch(w, body, done) {
    if (state.acting) return;
    state.acting = true;
    say(message, 'info', 'Working…');
    try {
      const path = accountPath(ctx.siteKey, 'web-sessions', w.id);
      const read = await api('GET', path);
      await api('PATCH', path, body, {headers: {'If-Match': read.headers.get('ETag') || '*'}});
      say(message, 'ok', done);
      state.signature = null;
      await load();
    } catch (e) {
      if (e.status === 401) return ctx.loginEnded();
      say(message, 'bad', refusal(body.status ? 'end' : 'refresh', e));
    } finally {
      state.acting = false;
    }
  }

  const unsubscribe = ctx.directory.onChange(() => {
    if (state.shown && state.rows.length) render();
  });

  return {
    show() {
      state.shown = true;
      ctx.directory.load().then(() => ctx.directory.changed()).catch(() => null);
      load();
    },
    hide() {
      state.shown = false;
      clearTimeout(state.timer);
    },
    destroy() {
      this.hide();
      unsubscribe();
    },
  };
}
