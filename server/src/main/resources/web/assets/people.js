// The People tab: the account's hierarchy as the caller reaches it (GET .../hierarchy, re-read every 5 s while
// shown, for who is online), and the changes an administrator makes to it: people made (POST .../users),
// disabled and enabled (PATCH .../users/{id}), groups and channels made (POST .../groups, .../channels), people
// and groups moved (PATCH .../nodes/{id} with parentId), channels assigned to technician groups (PUT and
// DELETE .../channels/{id}/groups/{groupId}).
import {api, accountPath} from './api.js';
import {h, fill, say} from './dom.js';
import {presenceText} from './directory.js';
import {refusal} from './words.js';

const POLL_MS = 5000;

const KIND = {
  ROOT: 'Account',
  MASTER_ADMINISTRATORS: 'Master administrators',
  ADMINISTRATORS: 'Administrators',
  TECHNICIANS: 'Technicians',
  TECHNICIAN_GROUP: 'Technician group',
  ADMINISTRATOR_GROUP: 'Administrator group',
  MASTER_ADMINISTRATOR: 'Master administrator',
  ADMINISTRATOR: 'Administrator',
  TECHNICIAN: 'Technician',
  CHANNEL: 'Channel',
};
const PERSON = ['MASTER_ADMINISTRATOR', 'ADMINISTRATOR', 'TECHNICIAN'];
const TECHNICIAN_PLACES = ['TECHNICIANS', 'TECHNICIAN_GROUP'];
const ADMINISTRATOR_PLACES = ['ADMINISTRATORS', 'ADMINISTRATOR_GROUP'];

/** The directory's refusals in words (the problem's code, else its field errors, else its detail). */
const CODES = {
  OUTSIDE_FOLDER_LIST: 'That is outside your folder list.',
  WHOLE_ACCOUNT_REQUIRED: 'Only a master administrator may do this.',
  MOVE_WRONG_KIND: 'It cannot go there: technicians and technician groups go into technician groups, '
    + 'administrators and administrator groups into administrator groups.',
  MOVE_INTO_ITSELF: 'A group cannot move into itself or into one of its own groups.',
  MOVE_ORGANISATION_NODE: 'The account and its three top nodes stay where they are.',
  CHANGE_ORGANISATION_NODE: 'The account and its three top nodes cannot be changed.',
  ASSIGN_NOT_A_TECHNICIAN_GROUP: 'A channel serves technician groups only.',
  UNASSIGN_NOT_ASSIGNED: 'The channel did not serve that group.',
  TAKEN: 'That email is already in use in this account.',
};

function problemWords(action, e) {
  if (!e || !e.status) return refusal(action, e);
  const code = e.problem && e.problem.code;
  if (code && CODES[code]) return `${CODES[code]} (${code})`;
  const errors = e.problem && e.problem.errors;
  if (errors && errors.length) {
    return errors.map(x => (CODES[x.code] || (x.message.charAt(0).toUpperCase() + x.message.slice(1)))
      .replace(/\.?$/, '.')).join(' ');
  }
  return refusal(action, e);
}

export function mount(panel, ctx) {
  const directory = ctx.directory;
  const state = {shown: false, timer: null, version: null, busy: false};

  const message = h('p', {class: 'message', role: 'alert', id: 'people-message'});
  const online = h('div', {id: 'people-online'});
  const tree = h('div', {id: 'people-tree'});

  // New person
  const personName = h('input', {id: 'person-name', type: 'text', maxlength: '200', autocomplete: 'off', required: true});
  const personEmail = h('input', {id: 'person-email', type: 'email', maxlength: '254', autocomplete: 'off', required: true});
  const personPassword = h('input', {id: 'person-password', type: 'password', autocomplete: 'new-password',
    'aria-describedby': 'person-password-hint', required: true});
  const personTechnician = h('select', {id: 'person-technician-group'});
  const personAdministrator = h('select', {id: 'person-administrator-group'});
  const personForm = h('form', {id: 'person-form', class: 'card'},
    h('h3', null, 'New technician or administrator'),
    h('div', {class: 'field-row'},
      h('div', null, h('label', {for: 'person-name'}, 'Name'), personName),
      h('div', null, h('label', {for: 'person-email'}, 'Email'), personEmail)),
    h('label', {for: 'person-password'}, 'Password'), personPassword,
    h('p', {class: 'hint', id: 'person-password-hint'}, '8 characters at least. They log in with it at once.'),
    h('div', {class: 'field-row'},
      h('div', null, h('label', {for: 'person-technician-group'}, 'Technician in'), personTechnician),
      h('div', null, h('label', {for: 'person-administrator-group'}, 'Administrator in'), personAdministrator)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'person-submit'}, 'Create')));

  // New group
  const groupName = h('input', {id: 'group-name', type: 'text', maxlength: '200', required: true});
  const groupParent = h('select', {id: 'group-parent'});
  const groupForm = h('form', {id: 'group-form', class: 'card'},
    h('h3', null, 'New group'),
    h('div', {class: 'field-row'},
      h('div', null, h('label', {for: 'group-name'}, 'Group name'), groupName),
      h('div', null, h('label', {for: 'group-parent'}, 'Inside'), groupParent)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'group-submit'}, 'Create group')));

  // Move
  const moveWhat = h('select', {id: 'move-what'});
  const moveWhere = h('select', {id: 'move-where'});
  const moveForm = h('form', {id: 'move-form', class: 'card'},
    h('h3', null, 'Move'),
    h('div', {class: 'field-row'},
      h('div', null, h('label', {for: 'move-what'}, 'Who or which group'), moveWhat),
      h('div', null, h('label', {for: 'move-where'}, 'Into'), moveWhere)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'move-submit'}, 'Move')));

  // Channels
  const channelName = h('input', {id: 'channel-name', type: 'text', maxlength: '200', required: true});
  const channelForm = h('form', {id: 'channel-form', class: 'field-row'},
    h('div', null, h('label', {for: 'channel-name'}, 'New channel'), channelName),
    h('div', {class: 'grow-0'}, h('button', {type: 'submit', id: 'channel-submit'}, 'Create channel')));
  const channelPick = h('select', {id: 'channel-pick'});
  const channelGroups = h('fieldset', {id: 'channel-groups'}, h('legend', null, 'Technician groups it serves'));
  const channels = h('div', {class: 'card'},
    h('h3', null, 'Channels'), channelForm,
    h('label', {for: 'channel-pick'}, 'Channel'), channelPick, channelGroups);

  panel.append(
    h('h2', null, 'People'),
    message,
    h('div', {class: 'columns'},
      h('div', null,
        h('section', {class: 'card', 'aria-labelledby': 'online-title'}, h('h3', {id: 'online-title'}, 'Who is online'),
          online),
        h('section', {class: 'card', 'aria-labelledby': 'tree-title'}, h('h3', {id: 'tree-title'}, 'Hierarchy'), tree)),
      h('div', null, personForm, groupForm, moveForm, channels)));

  const nodes = () => directory.all();
  const places = kinds => nodes().filter(n => kinds.includes(n.kind) && n.status !== 'DELETED');

  function option(n, label) {
    return h('option', {value: String(n.id)}, label || `${n.name} (${KIND[n.kind] || n.kind})`);
  }

  function keep(select, build) {
    const was = select.value;
    fill(select, build());
    if ([...select.options].some(o => o.value === was)) select.value = was;
  }

  function forms() {
    keep(personTechnician, () => [h('option', {value: ''}, '— not a technician'),
      places(TECHNICIAN_PLACES).map(n => option(n, n.name))]);
    keep(personAdministrator, () => [h('option', {value: ''}, '— not an administrator'),
      places(ADMINISTRATOR_PLACES).map(n => option(n, n.name))]);
    keep(groupParent, () => places([...TECHNICIAN_PLACES, ...ADMINISTRATOR_PLACES]).map(n => option(n)));
    keep(moveWhat, () => [h('option', {value: ''}, 'Choose…'),
      nodes().filter(n => [...PERSON, 'TECHNICIAN_GROUP', 'ADMINISTRATOR_GROUP'].includes(n.kind)
        && n.kind !== 'MASTER_ADMINISTRATOR').map(n => option(n))]);
    keep(moveWhere, () => [h('option', {value: ''}, 'Choose…'),
      places([...TECHNICIAN_PLACES, ...ADMINISTRATOR_PLACES]).map(n => option(n))]);
    keep(channelPick, () => [h('option', {value: ''}, 'Choose…'), directory.channels().map(c => option(c, c.name))]);
    channelBoxes();
  }

  function channelBoxes() {
    const channel = directory.node(Number(channelPick.value));
    const groups = places(['TECHNICIAN_GROUP']);
    fill(channelGroups, h('legend', null, channel ? `Technician groups “${channel.name}” serves` : 'Technician groups it serves'),
      !channel ? h('p', {class: 'hint'}, 'Choose a channel.') : !groups.length
        ? h('p', {class: 'hint'}, 'No technician group in your reach.')
        : groups.map(g => h('label', {class: 'inline'},
          h('input', {type: 'checkbox', value: String(g.id), checked: (channel.groupIds || []).includes(g.id),
            'data-group-id': g.id, onchange: event => assign(channel, g, event.currentTarget)}),
          g.name)));
  }

  function render() {
    const all = nodes();
    const technicians = all.filter(n => n.kind === 'TECHNICIAN' && n.status !== 'DELETED');
    fill(online, technicians.length ? h('ul', {class: 'plain', id: 'online-list'}, technicians.map(t =>
      h('li', {'data-node-id': t.id}, t.name, ' ',
        h('span', {class: 'badge ' + (t.status === 'DISABLED' ? 'disabled' : String(t.presence || 'offline').toLowerCase())},
          t.status === 'DISABLED' ? 'Disabled' : presenceText(t.presence || 'OFFLINE')))))
      : h('p', {class: 'empty'}, 'No technician in your reach.'));
    const byParent = new Map();
    for (const n of all) {
      const parent = n.parentId != null && directory.node(n.parentId) ? n.parentId : 'top';
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(n);
    }
    const branch = parent => {
      const children = byParent.get(parent) || [];
      return children.length ? h('ul', parent === 'top' ? {class: 'tree'} : null, children.map(item)) : null;
    };
    const item = n => h('li', {'data-node-id': n.id},
      h('div', {class: 'node'},
        ['MASTER_ADMINISTRATORS', 'ADMINISTRATORS', 'TECHNICIANS'].includes(n.kind) ? null
          : h('span', {class: 'kind'}, KIND[n.kind] || n.kind),
        h('strong', {class: 'name'}, n.name),
        n.email ? h('span', {class: 'mono'}, n.email) : null,
        n.kind === 'TECHNICIAN' && n.status !== 'DISABLED'
          ? h('span', {class: 'badge ' + String(n.presence || 'offline').toLowerCase()}, presenceText(n.presence || 'OFFLINE'))
          : null,
        n.status === 'DISABLED' ? h('span', {class: 'badge disabled'}, 'Disabled') : null,
        n.kind === 'CHANNEL' ? h('span', {class: 'hint'}, (n.groupIds || []).length
          ? 'serves ' + n.groupIds.map(id => directory.nodeName(id)).join(', ') : 'serves no group') : null,
        n.userId != null && n.kind !== 'MASTER_ADMINISTRATOR' ? h('button', {
          type: 'button', class: n.status === 'DISABLED' ? null : 'danger',
          'aria-label': `${n.status === 'DISABLED' ? 'Enable' : 'Disable'} ${n.name}`,
          onclick: () => setStatus(n, n.status === 'DISABLED' ? 'ENABLED' : 'DISABLED'),
        }, n.status === 'DISABLED' ? 'Enable' : 'Disable') : null),
      branch(n.id));
    fill(tree, branch('top') || h('p', {class: 'empty'}, 'Nothing in your reach.'));
    forms();
  }

  async function refresh(force) {
    clearTimeout(state.timer);
    try {
      await directory.load();
      if (force || directory.version !== state.version) {
        state.version = directory.version;
        render();
        directory.changed();
      }
    } catch (e) {
      if (e.status === 401) return ctx.loginEnded();
      say(message, 'bad', 'Could not read the hierarchy: ' + problemWords('read', e));
    }
    if (state.shown) state.timer = setTimeout(refresh, POLL_MS);
  }

  /** One change: the call, then the hierarchy read again; its outcome said in words. */
  async function change(action, call, done) {
    if (state.busy) return;
    state.busy = true;
    say(message, 'info', 'Working…');
    try {
      const result = await call();
      say(message, 'ok', done(result));
      await refresh(true);
      return true;
    } catch (e) {
      if (e.status === 401) {
        ctx.loginEnded();
        return false;
      }
      say(message, 'bad', problemWords(action, e));
      return false;
    } finally {
      state.busy = false;
    }
  }

  async function patchWithETag(path, body) {
    const read = await api('GET', path);
    return api('PATCH', path, body, {headers: {'If-Match': read.headers.get('ETag') || '*'}});
  }

  function setStatus(n, status) {
    change('status', () => patchWithETag(accountPath(ctx.siteKey, 'users', n.userId), {status}),
      () => `${n.name} is ${status === 'DISABLED' ? 'disabled: their logins ended, and they cannot log in' : 'enabled'}.`);
  }

  function assign(channel, group, box) {
    const on = box.checked;
    const path = accountPath(ctx.siteKey, 'channels', channel.id, 'groups', group.id);
    change('assign', () => api(on ? 'PUT' : 'DELETE', path),
      () => on ? `${channel.name} now serves ${group.name}.` : `${channel.name} no longer serves ${group.name}.`)
      .then(ok => {
        if (!ok) box.checked = !on;
      });
  }

  personForm.addEventListener('submit', event => {
    event.preventDefault();
    const body = {name: personName.value.trim(), email: personEmail.value.trim(), password: personPassword.value};
    if (personTechnician.value) body.technicianGroupId = Number(personTechnician.value);
    if (personAdministrator.value) body.administratorGroupId = Number(personAdministrator.value);
    if (!body.technicianGroupId && !body.administratorGroupId) {
      say(message, 'bad', 'Choose where they are a technician, an administrator, or both.');
      personTechnician.focus();
      return;
    }
    change('create', () => api('POST', accountPath(ctx.siteKey, 'users'), body), r => {
      const made = r.body;
      personName.value = '';
      personEmail.value = '';
      personPassword.value = '';
      return `${made.name} is made (${[made.technicianNodeId ? `technician node ${made.technicianNodeId}` : null,
        made.administratorNodeId ? `administrator node ${made.administratorNodeId}` : null].filter(Boolean)
        .join(', ')}) and can log in as ${made.email}.`;
    });
  });

  groupForm.addEventListener('submit', event => {
    event.preventDefault();
    const parent = directory.node(Number(groupParent.value));
    if (!parent || !groupName.value.trim()) {
      say(message, 'bad', 'Name the group and choose where it goes.');
      return;
    }
    change('create', () => api('POST', accountPath(ctx.siteKey, 'groups'), {parentId: parent.id,
      name: groupName.value.trim()}), r => {
      groupName.value = '';
      return `The group ${r.body.name} is made inside ${parent.name}.`;
    });
  });

  moveForm.addEventListener('submit', event => {
    event.preventDefault();
    const what = directory.node(Number(moveWhat.value));
    const where = directory.node(Number(moveWhere.value));
    if (!what || !where) {
      say(message, 'bad', 'Choose who or which group, and where it goes.');
      return;
    }
    change('move', () => patchWithETag(accountPath(ctx.siteKey, 'nodes', what.id), {parentId: where.id}),
      () => `${what.name} is now in ${where.name}.`);
  });

  channelForm.addEventListener('submit', event => {
    event.preventDefault();
    if (!channelName.value.trim()) {
      say(message, 'bad', 'Name the channel.');
      return;
    }
    change('create', () => api('POST', accountPath(ctx.siteKey, 'channels'), {name: channelName.value.trim()}), r => {
      channelName.value = '';
      channelPick.dataset.want = String(r.body.id);
      return `The channel ${r.body.name} is made (node ${r.body.id}); choose the technician groups it serves.`;
    }).then(() => {
      if (channelPick.dataset.want) {
        channelPick.value = channelPick.dataset.want;
        delete channelPick.dataset.want;
        channelBoxes();
      }
    });
  });
  channelPick.addEventListener('change', channelBoxes);

  return {
    show() {
      state.shown = true;
      refresh(true);
    },
    hide() {
      state.shown = false;
      clearTimeout(state.timer);
    },
    destroy() {
      this.hide();
    },
  };
}
