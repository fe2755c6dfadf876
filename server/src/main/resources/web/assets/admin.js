// The administrator's page: the login (login.aspx, then GET /api/v1/session for who we are and the CSRF
// token), the four tabs, the logout (logout.aspx). Each tab is a module that mounts into its panel and polls
// only while it is shown.
import {api, rescue, setCsrfToken} from './api.js';
import {say} from './dom.js';
import {LOGIN} from './words.js';
import {Directory} from './directory.js';
import * as sessionsTab from './sessions.js';
import * as peopleTab from './people.js';
import * as webSessionsTab from './web-sessions.js';
import * as auditTab from './audit.js';

const $ = id => document.getElementById(id);
const TABS = {
  'sessions': sessionsTab,
  'people': peopleTab,
  'web-sessions': webSessionsTab,
  'audit': auditTab,
};
const NAMES = Object.keys(TABS);

let mounted = null; // {name: tab} while logged in
let current = null;

function showLogin(kind, text) {
  teardown();
  setCsrfToken(null);
  $('app-view').hidden = true;
  $('who').hidden = true;
  $('logout').hidden = true;
  $('login-view').hidden = false;
  say($('login-message'), kind || 'info', text || '');
  const email = $('login-email');
  if (!email.value) email.value = sessionStorage.getItem('sg.email') || '';
  (email.value ? $('login-password') : email).focus();
}

function teardown() {
  if (mounted) {
    for (const tab of Object.values(mounted)) tab.destroy();
  }
  mounted = null;
  current = null;
}

/**
 * Any 401 of a tab: the login is over (logged out elsewhere, timed out, ended on the Web sessions tab). A 401
 * of a login the page has already left (a poll that was under way when this page logged out, or one of a
 * login since replaced) says nothing about the page as it is now and is ignored.
 */
function loginEnded(of) {
  if (mounted !== of) return;
  showLogin('bad', 'Your login has ended (logged out, timed out, or ended by an administrator): log in again.');
}

async function enter(me) {
  if (me.kind !== 'ADMINISTRATOR') {
    await rescue('logout').catch(() => null);
    showLogin('bad', 'This page is for administrators: that login is a technician\'s. Log in as an administrator.');
    return;
  }
  setCsrfToken(me.csrfToken);
  const email = sessionStorage.getItem('sg.email');
  $('who').textContent = `${email || 'User ' + me.userId} · ${me.siteKey} · `
    + (me.wholeAccount ? 'master administrator' : 'administrator');
  $('who').hidden = false;
  $('logout').hidden = false;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  const tabs = {};
  const ctx = {me, siteKey: me.siteKey, directory: new Directory(me.siteKey), loginEnded: () => loginEnded(tabs)};
  mounted = tabs;
  for (const name of NAMES) {
    tabs[name] = TABS[name].mount($('panel-' + name), ctx);
  }
  select(fromHash() || 'sessions', false);
}

function fromHash() {
  const name = location.hash.replace(/^#/, '');
  return NAMES.includes(name) ? name : null;
}

function select(name, focus) {
  if (!mounted) return;
  for (const other of NAMES) {
    const on = other === name;
    const tab = $('tab-' + other);
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $('panel-' + other).hidden = !on;
  }
  if (current && current !== name) mounted[current].hide();
  if (current !== name) {
    current = name;
    mounted[name].show();
  }
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (focus) $('tab-' + name).focus();
}

function wireTabs() {
  for (const name of NAMES) {
    const tab = $('tab-' + name);
    tab.addEventListener('click', () => select(name, false));
    tab.addEventListener('keydown', event => {
      const i = NAMES.indexOf(name);
      let next = null;
      if (event.key === 'ArrowRight') next = NAMES[(i + 1) % NAMES.length];
      else if (event.key === 'ArrowLeft') next = NAMES[(i + NAMES.length - 1) % NAMES.length];
      else if (event.key === 'Home') next = NAMES[0];
      else if (event.key === 'End') next = NAMES[NAMES.length - 1];
      if (next) {
        event.preventDefault();
        select(next, true);
      }
    });
  }
  window.addEventListener('hashchange', () => {
    const name = fromHash();
    if (name) select(name, false);
  });
}

function wireLogin() {
  $('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    const email = $('login-email').value.trim();
    const password = $('login-password').value;
    const message = $('login-message');
    if (!email || !password) {
      say(message, 'bad', 'Enter your email and your password.');
      (email ? $('login-password') : $('login-email')).focus();
      return;
    }
    const button = $('login-submit');
    button.disabled = true;
    say(message, 'info', 'Logging in…');
    try {
      const code = await rescue('login', {email, pwd: password});
      if (code !== 'OK') {
        say(message, 'bad', `${LOGIN[code] || 'The server refused the login.'} (${code})`);
        $('login-password').value = '';
        $('login-password').focus();
        return;
      }
      sessionStorage.setItem('sg.email', email);
      $('login-password').value = '';
      say(message, 'info', '');
      const me = (await api('GET', '/api/v1/session')).body;
      await enter(me);
    } catch (e) {
      say(message, 'bad', 'The server cannot be reached: try again in a moment.');
    } finally {
      button.disabled = false;
    }
  });
  $('logout').addEventListener('click', async () => {
    teardown(); // the tabs stop polling first: a poll answered after the logout is not "your login has ended"
    try {
      await rescue('logout');
    } catch (e) {
      // the login ends on the server's side anyway when it is idle long enough
    }
    showLogin('ok', 'You are logged out.');
  });
}

async function boot() {
  wireLogin();
  wireTabs();
  try {
    const me = (await api('GET', '/api/v1/session')).body;
    await enter(me);
  } catch (e) {
    if (e.status === 401 || e.status === 403) showLogin();
    else showLogin('bad', 'The server cannot be reached: reload the page in a moment.');
  } finally {
    $('loading').hidden = true;
  }
}

boot();
