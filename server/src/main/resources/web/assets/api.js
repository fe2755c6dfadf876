// The pages' one way to the server: the JSON API (/api/v1) and the Rescue API's login and logout, on this
// origin only (the Content-Security-Policy allows nothing else). With the login cookie, every unsafe request
// carries the login's CSRF token (GET /api/v1/session gives it), as the API requires.

let csrfToken = null;
let clockOffset = 0; // the server's clock minus ours, from the Date header of the last reply

/** The token unsafe requests send as X-CSRF-Token (null: none, e.g. on the customer's page). */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Now, by the server's clock (waiting times are computed against the times the server wrote). */
export function serverNow() {
  return Date.now() + clockOffset;
}

/** A refusal of the API: its HTTP status and its problem document (RFC 9457), when it sent one. */
export class ApiError extends Error {
  constructor(status, problem, headers) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.headers = headers;
  }

  /** The Rescue or API code of the refusal: the problem's code, else the first field error's. */
  get code() {
    if (this.problem.code) return this.problem.code;
    const errors = this.problem.errors;
    return errors && errors.length ? errors[0].code : null;
  }
}

function noteClock(response) {
  const date = response.headers.get('Date');
  if (date) {
    const t = Date.parse(date);
    if (!Number.isNaN(t)) clockOffset = t - Date.now();
  }
}

/**
 * A JSON call: api('GET', '/api/v1/session'), api('POST', path, body, {bearer, headers}).
 * Answers {status, body, headers}; throws ApiError for an HTTP error, TypeError when the network fails.
 */
export async function api(method, path, body, options = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken && !options.bearer) headers['X-CSRF-Token'] = csrfToken;
  if (options.bearer) headers.Authorization = 'Bearer ' + options.bearer;
  Object.assign(headers, options.headers || {});
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: options.bearer ? 'omit' : 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  });
  noteClock(response);
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, data, response.headers);
  return {status: response.status, body: data, headers: response.headers};
}

/** Every item of a paginated list, following next (bounded: at most `pages` pages). */
export async function all(path, pages = 10) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < pages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...page.body.items);
    cursor = page.body.next;
    if (!cursor) break;
  }
  return items;
}

/**
 * A Rescue method by POST form (login, logout): answers its return code, the reply's first line
 * (OK, INVALID, LIMITREACHED, ...).
 */
export async function rescue(method, params = {}) {
  const response = await fetch(`/API/${method}.aspx`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(params).toString(),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  noteClock(response);
  const text = await response.text();
  return text.split('\n')[0].trim() || 'ERROR';
}

/** The path of an account's resource: accountPath('demo', 'support-sessions', 5001, 'hold'). */
export function accountPath(siteKey, ...parts) {
  return '/api/v1/accounts/' + [siteKey, ...parts].map(p => encodeURIComponent(String(p))).join('/');
}
