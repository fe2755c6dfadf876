// What the server's codes mean, in words: the Rescue return codes of the login and of the support-session
// actions (a refusal of /api/v1 carries the Rescue code in `code`), the statuses, the problems.

export const STATUS = {
  PIN_ISSUED: 'PIN issued',
  WAITING: 'Waiting',
  TRANSFERRING: 'Transferring',
  ACTIVE: 'Active',
  ON_HOLD: 'On Hold',
  CLOSED_BY_TECHNICIAN: 'Closed by technician',
  CLOSED_BY_CUSTOMER: 'Closed by customer',
  CLOSED_BY_WAITING_CUSTOMER: 'Closed by waiting customer',
  TIMED_OUT: 'Timed out',
  EXPIRED: 'Expired (PIN never used)',
};

export const LIVE = ['WAITING', 'TRANSFERRING', 'ACTIVE', 'ON_HOLD'];
export const CLOSED = ['CLOSED_BY_TECHNICIAN', 'CLOSED_BY_CUSTOMER', 'CLOSED_BY_WAITING_CUSTOMER', 'TIMED_OUT',
  'EXPIRED'];

export function statusText(status) {
  return STATUS[status] || status;
}

export function isClosed(status) {
  return CLOSED.includes(status);
}

/** login.aspx's return codes. */
export const LOGIN = {
  OK: 'Logged in.',
  INVALID: 'Wrong email or password.',
  LIMITREACHED: 'Too many attempts for this email: wait a few minutes, then try again.',
  ERROR: 'The server could not log you in. Try again in a moment.',
};

/** The Rescue codes an action may answer, in words (when nothing more precise can be said). */
export const RESCUE = {
  ACTIONFAILED: 'the action is not possible now',
  INVALIDPARAM_NODE: 'that technician or channel is not in your folder list',
  INVALIDPARAM_SESSION: 'no such session',
  NOTTECHNICIAN: 'that is not a technician of your folder list',
  NOTECHCONSOLERUNNING: "the technician's console is not running",
  POLLRATEEXCEEDED: 'too many requests in a row: wait a second',
  OUTOFPINCODES: 'no PIN code is free right now: try again',
  NOTLOGGEDINASADMIN: 'you are not logged in as an administrator',
  USER_DELETED_OR_DISABLED: 'your user is disabled or deleted',
  NOT_AN_ADMINISTRATOR: 'only an administrator may do this',
  WHOLE_ACCOUNT_REQUIRED: 'only a master administrator may do this',
};

function possessive(name) {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/**
 * A refused action in words. action: transfer | start | hold | close | cancel-action | end | refresh | ...;
 * ctx: {session: the session as last read, target: {kind: 'technician'|'channel', id, name, disabled}}.
 */
export function refusal(action, error, ctx = {}) {
  if (!(error && error.status)) {
    return 'The server cannot be reached: check the connection and try again.';
  }
  const code = error.code;
  const session = ctx.session;
  const sessionName = session ? `Session ${session.id}` : 'The session';
  const target = ctx.target;
  const targetName = target ? (target.name || `${target.kind === 'channel' ? 'Channel' : 'Technician'} ${target.id}`)
    : 'The technician';
  const type = (error.problem && error.problem.type) || '';
  const tail = code ? ` (${code})` : '';
  if (error.status === 401) return 'Your login has ended: log in again.';
  if (type.endsWith('/csrf-token-invalid')) return 'This page\'s security token is no longer valid: reload the page.';
  if (error.status === 403) return (RESCUE[code] ? capital(RESCUE[code]) : 'You may not do this') + '.' + tail;
  if (error.status === 404) {
    return session ? `${sessionName} is not in your folder list (or no longer exists).` : 'It no longer exists.';
  }
  if (error.status === 412) return 'It was changed meanwhile: look again and retry.';
  if (error.status === 429) return 'Too many requests: wait a moment and try again.';
  if (error.status >= 500) {
    const incident = error.problem && error.problem.incidentId;
    return 'The server failed' + (incident ? ` (incident ${incident})` : '') + ': try again.';
  }
  if (code === 'ACTIONFAILED') return actionFailed(action, session, sessionName, target, targetName) + tail;
  if (code === 'NOTECHCONSOLERUNNING') return `${possessive(targetName)} console is not running.` + tail;
  if (code === 'INVALIDPARAM_NODE') {
    return `${targetName} is not a ${target && target.kind === 'channel' ? 'channel' : 'technician'} of your folder list.`
      + tail;
  }
  if (code === 'NOTTECHNICIAN') return `${targetName} is not a technician of your folder list.` + tail;
  if (RESCUE[code]) return capital(RESCUE[code]) + '.' + tail;
  const errors = error.problem && error.problem.errors;
  if (errors && errors.length) return errors.map(e => e.message).join(' ');
  return (error.problem && (error.problem.detail || error.problem.title)) || `The server refused it (HTTP ${error.status}).`;
}

function actionFailed(action, session, sessionName, target, targetName) {
  const status = session ? session.status : null;
  const now = status ? ` (it is ${statusText(status)})` : '';
  if (status && isClosed(status)) return `${sessionName} is closed: nothing more can be done with it.`;
  switch (action) {
    case 'transfer':
      if (target && target.kind === 'technician') {
        return target.disabled ? `${targetName} is disabled.` : `${possessive(targetName)} console is not running.`;
      }
      return `${sessionName} cannot be transferred now${now}.`;
    case 'start':
      if (status === 'ACTIVE') return `${sessionName} is already active.`;
      if (status === 'PIN_ISSUED') return 'The customer has not entered the PIN code yet.';
      return target && target.disabled ? `${targetName} is disabled.` : `${possessive(targetName)} console is not running.`;
    case 'hold':
      return status === 'ON_HOLD' ? `${sessionName} is already on hold.` : `Only an active session can be put on hold${now}.`;
    case 'close':
      return `${sessionName} cannot be closed now${now}.`;
    case 'cancel-action':
      return `Nothing to cancel: no transfer of ${sessionName.toLowerCase()} is waiting to be picked up.`;
    default:
      return `Not possible now${now}.`;
  }
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
