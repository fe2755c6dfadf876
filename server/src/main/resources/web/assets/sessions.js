// The Sessions tab: every support session of the administrator's folder list, grouped by technician and
// by channel, refreshed by polling (every 2 s while the tab is shown and the page visible; the DOM is
// rebuilt only when something changed); per session a dialog with its facts, the actions (transfer, start,
// hold, close, cancel a pending transfer), its transfers and its events.
import {api, all, accountPath, serverNow} from './api.js';
import {h, fill, say, duration, when, table, td} from './dom.js';
import {LIVE, CLOSED, statusText, isClosed, refusal} from './words.js';
import {presenceText} from './directory.js';

const POLL_MS = 2000;

const FILTERS = [
  {value: 'live', label: 'Live sessions', statuses: LIVE},
  {value: 'PIN_ISSUED', label: 'PIN issued (no customer yet)', statuses: ['PIN_ISSUED']},
  {value: 'closed', label: 'Closed', statuses: CLOSED},
  ...LIVE.map(s => ({value: s, label: `Only ${statusText(s)}`, statuses: [s]})),
];

function customerOf(s) {
  return (s.customFields && s.customFields[0]) || '—';
}

function fieldsOf(s) {
  const fields = (s.customFields || []).slice(1).filter(f => f !== null && f !== '');
  if (s.tracking) fields.push(`tracking ${s.tracking}`);
  return fields.length ? fields.join(' · ') : '—';
}

function waits(s) {
  return s.status === 'WAITING' || s.status === 'TRANSFERRING';
}

function waitingCell(s) {
  if (!waits(s)) return h('span', null, '—');
  return h('span', {class: 'waiting', 'data-since': s.statusChangedAt},
    duration((serverNow() - Date.parse(s.statusChangedAt)) / 1000));
}

function signature(sessions) {
  return JSON.stringify(sessions.map(s => [s.id, s.status, s.technicianId, s.channelId, s.statusChangedAt,
    s.customFields, s.tracking]));
}

export function mount(panel, ctx) {
  const state = {filter: 'live', sessions: [], byId: new Map(), signature: null, timer: null, ticker: null,
    busy: false, shown: false, destroyed: false, seen: new Map()};

  const filter = h('select', {id: 'sessions-filter'},
    FILTERS.map(f => h('option', {value: f.value}, f.label)));
  const updated = h('span', {class: 'status-line', id: 'sessions-updated'}, '');
  const message = h('p', {class: 'message', role: 'alert', id: 'sessions-message'});
  const list = h('div', {id: 'sessions-list'});
  const dialog = sessionDialog(ctx, () => poll(true));

  panel.append(
    h('h2', null, 'Support sessions'),
    h('div', {class: 'toolbar'},
      h('div', null, h('label', {for: 'sessions-filter'}, 'Show'), filter),
      h('div', {class: 'grow-0'}, h('button', {type: 'button', id: 'sessions-refresh', onclick: () => poll(true)},
        'Refresh now')),
      updated),
    message, list, dialog.el);

  filter.addEventListener('change', () => {
    state.filter = filter.value;
    state.signature = null;
    poll(true);
  });

  // names and presence read later (the hierarchy) show at once
  const unsubscribe = ctx.directory.onChange(() => {
    if (state.shown && state.sessions.length) render();
  });

  const onVisible = () => {
    if (!document.hidden && state.shown) poll(true);
  };
  document.addEventListener('visibilitychange', onVisible);

  async function poll(now) {
    if (state.destroyed || !state.shown) return;
    clearTimeout(state.timer);
    if (state.busy) {
      state.timer = setTimeout(() => poll(true), 200);
      return;
    }
    if (document.hidden && !now) {
      state.timer = setTimeout(poll, POLL_MS);
      return;
    }
    state.busy = true;
    try {
      const statuses = FILTERS.find(f => f.value === state.filter).statuses;
      const base = accountPath(ctx.siteKey, 'support-sessions');
      const lists = await Promise.all(statuses.map(s => all(`${base}?status=${s}&limit=200`)));
      const sessions = lists.flat().sort((a, b) => a.id - b.id);
      let names = false;
      for (const s of sessions) names = ctx.directory.learnSession(s) || names;
      if (names) ctx.directory.changed();
      const sig = signature(sessions);
      if (sig !== state.signature) {
        state.signature = sig;
        state.sessions = sessions;
        render();
        dialog.refreshIfChanged(sessions);
      }
      say(message, 'info', '');
      updated.textContent = `Updated ${new Date().toLocaleTimeString()} · refreshes every ${POLL_MS / 1000} s`;
    } catch (e) {
      if (e.status === 401) {
        ctx.loginEnded();
        return;
      }
      say(message, 'bad', 'Could not refresh the sessions: ' + refusal('list', e));
    } finally {
      state.busy = false;
    }
    if (!state.destroyed && state.shown) state.timer = setTimeout(poll, POLL_MS);
  }

  function render() {
    const focusKey = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.getAttribute('data-focus-key') : null;
    const groups = new Map();
    for (const s of state.sessions) {
      const key = s.technicianId ? `t${s.technicianId}` : s.channelId ? `c${s.channelId}` : 'none';
      if (!groups.has(key)) {
        groups.set(key, {
          key,
          kind: s.technicianId ? 'technician' : s.channelId ? 'channel' : 'none',
          id: s.technicianId || s.channelId,
          name: s.technicianId ? s.technicianName : s.channelId ? s.channelName : 'Unassigned',
          sessions: [],
        });
      }
      groups.get(key).sessions.push(s);
    }
    const order = {channel: 0, technician: 1, none: 2};
    const sorted = [...groups.values()].sort((a, b) => order[a.kind] - order[b.kind]
      || String(a.name).localeCompare(String(b.name)) || a.id - b.id);
    const previous = state.seen;
    state.seen = new Map(state.sessions.map(s => [s.id, `${s.status}|${s.technicianId}|${s.channelId}`]));
    if (!sorted.length) {
      fill(list, h('p', {class: 'empty'}, 'No sessions to show in your folder list.'));
    } else {
      fill(list, sorted.map(g => group(g, previous)));
    }
    if (focusKey) {
      const again = list.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      if (again) again.focus();
    }
    tick();
  }

  function group(g, previous) {
    const headingId = `group-${g.key}`;
    const presence = g.kind === 'technician' ? ctx.directory.node(g.id) : null;
    return h('section', {class: 'group card', 'data-group': g.key, 'aria-labelledby': headingId},
      h('h3', {id: headingId},
        h('span', {class: 'kind'}, g.kind === 'technician' ? 'Technician' : g.kind === 'channel' ? 'Channel' : ''),
        h('span', {class: 'group-name'}, g.name || `node ${g.id}`),
        presence && presence.presence ? h('span', {class: 'badge ' + presence.presence.toLowerCase()},
          presenceText(presence.presence)) : null,
        h('span', {class: 'count'}, `${g.sessions.length} session${g.sessions.length === 1 ? '' : 's'}`)),
      table(`Sessions of ${g.name}`, [
        {label: 'Session'}, {label: 'Customer'}, {label: 'Status'}, {label: 'Waiting', class: 'num'},
        {label: 'Custom fields'}, {label: 'Actions'},
      ], g.sessions.map(s => {
        const mark = `${s.status}|${s.technicianId}|${s.channelId}`;
        const changed = previous.size && previous.get(s.id) !== mark;
        return h('tr', {'data-session-id': s.id, class: changed ? 'changed' : null},
          td('Session', String(s.id), 'mono'),
          td('Customer', customerOf(s)),
          td('Status', h('span', {class: `badge s-${s.status}` + (isClosed(s.status) ? ' closed' : '')},
            statusText(s.status))),
          td('Waiting', waitingCell(s), 'num'),
          td('Custom fields', fieldsOf(s)),
          td('Actions', h('button', {
            type: 'button', 'data-focus-key': `open-${s.id}`, 'aria-haspopup': 'dialog',
            'aria-label': `Open session ${s.id} of ${customerOf(s)}`,
            onclick: event => dialog.open(s.id, event.currentTarget),
          }, 'Open')));
      }), 'sessions-table'));
  }

  function tick() {
    for (const cell of panel.querySelectorAll('.waiting[data-since]')) {
      cell.textContent = duration((serverNow() - Date.parse(cell.getAttribute('data-since'))) / 1000);
    }
  }

  return {
    show() {
      state.shown = true;
      state.ticker = setInterval(tick, 1000);
      ctx.directory.load().then(() => ctx.directory.changed()).catch(() => null);
      poll(true);
    },
    hide() {
      state.shown = false;
      clearTimeout(state.timer);
      clearInterval(state.ticker);
    },
    destroy() {
      this.hide();
      state.destroyed = true;
      dialog.close();
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

/** The dialog of one session: its facts, the actions, its transfers and its events. */
function sessionDialog(ctx, onChanged) {
  let session = null;  // as last read, with its transfers
  let opener = null;
  let acting = false;
  let lastAction = null; // the open session's last event, once read

  const title = h('h2', {id: 'session-dialog-title'}, 'Session');
  const closeButton = h('button', {type: 'button', id: 'session-dialog-close'}, 'Close');
  const message = h('p', {class: 'message', role: 'alert', id: 'session-message'});
  const facts = h('dl', {class: 'facts', id: 'session-facts'});

  const target = h('select', {id: 'transfer-target', required: true});
  const comment = h('textarea', {id: 'transfer-comment', maxlength: '1000', rows: '2'});
  const transferButton = h('button', {type: 'submit', class: 'primary', id: 'transfer-submit'}, 'Transfer');
  const transferForm = h('form', {id: 'transfer-form'},
    h('fieldset', null, h('legend', null, 'Transfer'),
      h('div', {class: 'field-row'},
        h('div', null, h('label', {for: 'transfer-target'}, 'To a technician or a channel'), target),
        h('div', null, h('label', {for: 'transfer-comment'}, 'Comment (optional)'), comment)),
      h('div', {class: 'actions'}, transferButton)));

  const starter = h('select', {id: 'start-technician', required: true});
  const startButton = h('button', {type: 'submit', id: 'start-submit'}, 'Start');
  const startForm = h('form', {id: 'start-form'},
    h('fieldset', null, h('legend', null, 'Start (a technician picks it up)'),
      h('div', {class: 'field-row'},
        h('div', null, h('label', {for: 'start-technician'}, 'Technician'), starter),
        h('div', {class: 'grow-0'}, startButton))));

  const holdButton = h('button', {type: 'button', id: 'action-hold'}, 'Put on hold');
  const cancelButton = h('button', {type: 'button', id: 'action-cancel'}, 'Cancel pending transfer');
  const closeSessionButton = h('button', {type: 'button', class: 'danger', id: 'action-close'}, 'Close session');
  const others = h('fieldset', null, h('legend', null, 'Other actions'),
    h('div', {class: 'actions'}, holdButton, cancelButton, closeSessionButton));

  const transfers = h('div', {id: 'session-transfers'});
  const events = h('div', {id: 'session-events'});

  const el = h('dialog', {id: 'session-dialog', 'aria-labelledby': 'session-dialog-title'},
    h('div', {class: 'dialog-head'}, title, closeButton),
    h('div', {class: 'dialog-body'},
      message, facts, transferForm, startForm, others,
      h('h3', null, 'Transfers'), transfers,
      h('h3', null, 'Events'), events));

  const path = (...more) => accountPath(ctx.siteKey, 'support-sessions', session.id, ...more);

  closeButton.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    const id = session && session.id;
    session = null;
    if (opener && opener.isConnected) opener.focus();
    else if (id) {
      const again = document.querySelector(`[data-focus-key="open-${id}"]`);
      if (again) again.focus();
    }
  });
  ctx.directory.onChange(() => {
    if (session) targets();
  });

  transferForm.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = parseTarget(target.value);
    if (!chosen) return;
    const body = chosen.kind === 'channel' ? {channelId: chosen.id} : {technicianId: chosen.id};
    if (comment.value.trim()) body.comment = comment.value.trim();
    act('transfer', body, chosen);
  });
  startForm.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = parseTarget(starter.value);
    if (!chosen) return;
    act('start', {technicianId: chosen.id}, chosen);
  });
  holdButton.addEventListener('click', () => act('hold'));
  closeSessionButton.addEventListener('click', () => act('close'));
  cancelButton.addEventListener('click', () => act('cancel-action'));

  function parseTarget(value) {
    const [kind, id] = String(value || '').split(':');
    if (!id) return null;
    const node = ctx.directory.node(Number(id));
    return {kind, id: Number(id), name: node ? node.name : null, disabled: node ? node.status === 'DISABLED' : false};
  }

  function targets() {
    const keepTarget = target.value;
    const keepStarter = starter.value;
    const technicians = ctx.directory.technicians();
    const channels = ctx.directory.channels();
    const technicianOption = t => h('option', {value: `technician:${t.id}`},
      t.name + (t.status === 'DISABLED' ? ' (disabled)' : t.presence ? ` (${presenceText(t.presence)})` : ''));
    fill(target,
      h('option', {value: ''}, 'Choose…'),
      technicians.length ? h('optgroup', {label: 'Technicians'}, technicians.map(technicianOption)) : null,
      channels.length ? h('optgroup', {label: 'Channels'}, channels.map(c => h('option', {value: `channel:${c.id}`},
        `${c.name} (channel)`))) : null);
    fill(starter, h('option', {value: ''}, 'Choose…'), technicians.map(technicianOption));
    target.value = keepTarget;
    if (keepStarter) starter.value = keepStarter;
    else if (session && session.technicianId) starter.value = `technician:${session.technicianId}`;
  }

  function render() {
    const s = session;
    title.textContent = `Session ${s.id} · ${customerOf(s)}`;
    const fieldNames = ['Name (field 0)', 'Field 1', 'Field 2', 'Field 3', 'Field 4', 'Field 5'];
    fill(facts,
      h('dt', null, 'Status'), h('dd', {id: 'session-status'},
        h('span', {class: `badge s-${s.status}` + (isClosed(s.status) ? ' closed' : '')}, statusText(s.status))),
      h('dt', null, 'Technician'), h('dd', {id: 'session-technician'},
        s.technicianId ? `${s.technicianName || 'node'} (${s.technicianId})` : '—'),
      h('dt', null, 'Channel'), h('dd', null, s.channelId ? `${s.channelName || 'node'} (${s.channelId})` : '—'),
      h('dt', null, waits(s) ? 'Waiting for' : 'In this status for'), h('dd', null,
        h('span', {class: 'waiting', 'data-since': s.statusChangedAt},
          duration((serverNow() - Date.parse(s.statusChangedAt)) / 1000))),
      h('dt', null, 'Started'), h('dd', null, when(s.startedAt)),
      (s.customFields || []).map((f, i) => f === null || f === '' ? null
        : [h('dt', null, fieldNames[i]), h('dd', null, f)]),
      h('dt', null, 'Tracking'), h('dd', null, s.tracking || '—'),
      h('dt', null, 'Language'), h('dd', null, s.language || '—'));
    if (!starter.value && s.technicianId) starter.value = `technician:${s.technicianId}`;
    buttons();
    const history = s.transfers || [];
    fill(transfers, history.length ? table(`Transfers of session ${s.id}`, [
      {label: 'When'}, {label: 'From'}, {label: 'To'}, {label: 'Comment'}, {label: 'By'},
    ], history.map(t => h('tr', null,
      td('When', when(t.transferredAt)),
      td('From', t.fromNodeId ? ctx.directory.nodeName(t.fromNodeId) : '—'),
      td('To', `${ctx.directory.nodeName(t.toNodeId)}${t.nodeRef === 'CHANNEL' ? ' (channel)' : ''}`),
      td('Comment', t.comment || '—'),
      td('By', ctx.directory.userName(t.byUserId))))) : h('p', {class: 'empty'}, 'Never transferred.'));
  }

  /** What the status allows (the server decides; this only spares a click that could not work). */
  function buttons() {
    const s = session;
    const closed = isClosed(s.status);
    for (const b of [transferButton, startButton, holdButton, closeSessionButton, cancelButton]) b.disabled = closed;
    if (!closed) {
      holdButton.disabled = s.status !== 'ACTIVE';
      startButton.disabled = !['WAITING', 'TRANSFERRING', 'ON_HOLD'].includes(s.status);
      // a transfer not yet picked up: to a technician (Transferring), or into a channel (Waiting, and the
      // session's last event is that transfer, not its cancellation)
      cancelButton.disabled = !(s.status === 'TRANSFERRING' || (s.status === 'WAITING' && lastAction === 'TRANSFERRED'));
    }
  }

  async function loadEvents() {
    if (!session) return;
    const id = session.id;
    try {
      const page = await api('GET', accountPath(ctx.siteKey, 'events')
        + `?objectType=SUPPORT_SESSION&objectId=${id}&limit=200`);
      if (!session || session.id !== id) return;
      const items = page.body.items;
      lastAction = items.length ? items[items.length - 1].action : null;
      buttons();
      fill(events, items.length ? table(`Events of session ${id}`, [
        {label: 'When'}, {label: 'What'}, {label: 'Change'}, {label: 'By'},
      ], items.map(e => h('tr', null,
        td('When', when(e.occurredAt)),
        td('What', e.action.replaceAll('_', ' ').toLowerCase()),
        td('Change', change(e.before, e.after)),
        td('By', ctx.directory.userName(e.byUserId))))) : h('p', {class: 'empty'}, 'No events.'));
    } catch (e) {
      if (e.status === 401) return ctx.loginEnded();
      fill(events, h('p', {class: 'empty'}, 'The events cannot be read: ' + refusal('events', e)));
    }
  }

  function change(before, after) {
    const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
    const shown = value => value === null || value === undefined ? '—' : String(value);
    const word = (key, value) => {
      if (value === null || value === undefined) return '—';
      if (key === 'status') return statusText(value);
      if (/NodeId$/.test(key)) return ctx.directory.nodeName(value);
      return shown(value);
    };
    const lines = keys.filter(k => JSON.stringify((before || {})[k]) !== JSON.stringify((after || {})[k]))
      .map(k => before && k in before ? `${k}: ${word(k, before[k])} → ${word(k, (after || {})[k])}`
        : `${k}: ${word(k, (after || {})[k])}`);
    return lines.length ? h('ul', {class: 'plain'}, lines.map(l => h('li', null, l))) : '—';
  }

  async function load() {
    const id = session.id;
    const read = await api('GET', path());
    if (!session || session.id !== id) return;
    session = read.body;
    ctx.directory.learnSession(session);
    render();
    loadEvents();
  }

  async function act(action, body, chosen) {
    if (acting || !session) return;
    acting = true;
    const before = session;
    el.setAttribute('aria-busy', 'true');
    say(message, 'info', 'Working…');
    try {
      const reply = await api('POST', path(action), body);
      session = reply.body;
      render();
      say(message, 'ok', success(action, session, chosen));
      if (action === 'transfer') comment.value = '';
      loadEvents();
      onChanged();
    } catch (e) {
      if (e.status === 401) {
        el.close();
        ctx.loginEnded();
        return;
      }
      say(message, 'bad', refusal(action, e, {session: before, target: chosen}));
    } finally {
      acting = false;
      el.removeAttribute('aria-busy');
    }
  }

  function success(action, s, chosen) {
    const name = chosen ? (chosen.name || `node ${chosen.id}`) : null;
    switch (action) {
      case 'transfer':
        return `Transferred to ${name}: the session is ${statusText(s.status)}.`;
      case 'start':
        return `Started: ${name} is with the customer.`;
      case 'hold':
        return `Session ${s.id} is on hold.`;
      case 'close':
        return `Session ${s.id} is closed.`;
      case 'cancel-action':
        return `Transfer cancelled: the session is back ${s.technicianId ? 'with ' + s.technicianName
          : 'in ' + s.channelName} (${statusText(s.status)}).`;
      default:
        return 'Done.';
    }
  }

  return {
    el,
    async open(id, from) {
      opener = from || null;
      session = {id, customFields: []};
      lastAction = null;
      say(message, 'info', '');
      comment.value = '';
      target.value = '';
      starter.value = '';
      fill(facts);
      fill(transfers);
      fill(events);
      title.textContent = `Session ${id}`;
      targets();
      if (!el.open) el.showModal();
      try {
        await load();
        targets();
      } catch (e) {
        if (e.status === 401) {
          el.close();
          ctx.loginEnded();
          return;
        }
        say(message, 'bad', refusal('read', e, {session}));
      }
    },
    /** A poll saw the list change: read the open session again if it is one that changed. */
    refreshIfChanged(sessions) {
      if (!session || !el.open || acting) return;
      const seen = sessions.find(s => s.id === session.id);
      if (!seen || seen.status !== session.status || seen.technicianId !== session.technicianId
        || seen.channelId !== session.channelId || seen.statusChangedAt !== session.statusChangedAt) {
        load().catch(() => null);
      }
    },
    close() {
      if (el.open) el.close();
    },
  };
}
