// What the page knows of the account's people and channels, for names and for the transfer dialog's
// targets: the hierarchy (GET .../hierarchy) and the users (GET .../users) when the caller may read them,
// and in any case what the support sessions themselves name (a technician's or a channel's name).
import {api, all, accountPath} from './api.js';

export class Directory {
  constructor(siteKey) {
    this.siteKey = siteKey;
    this.nodes = new Map();   // node id -> {id, kind, name, parentId, status, presence, email, userId}
    this.users = new Map();   // user id -> {id, name, email, ...}
    this.complete = false;    // true once the hierarchy was read
    this.loading = null;
    this.listeners = new Set();
  }

  /** Called whenever what is known changes. */
  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }

  /** The names a support session carries. */
  learnSession(s) {
    let news = false;
    if (s.technicianId && !this.nodes.has(s.technicianId)) {
      this.nodes.set(s.technicianId, {id: s.technicianId, kind: 'TECHNICIAN', name: s.technicianName});
      news = true;
    }
    if (s.channelId && !this.nodes.has(s.channelId)) {
      this.nodes.set(s.channelId, {id: s.channelId, kind: 'CHANNEL', name: s.channelName});
      news = true;
    }
    return news;
  }

  /** Reads the hierarchy and the users again (at most one read at a time). */
  load() {
    if (!this.loading) {
      this.loading = this.read().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  async read() {
    const [hierarchy, users] = await Promise.all([
      api('GET', accountPath(this.siteKey, 'hierarchy')),
      all(accountPath(this.siteKey, 'users') + '?limit=200').catch(e => {
        if (e.status === 401) throw e;
        return null; // names of users are a nicety: the tree is what matters
      }),
    ]);
    const nodes = new Map();
    for (const n of hierarchy.body.nodes) nodes.set(n.id, n);
    this.nodes = nodes;
    if (users) this.users = new Map(users.map(u => [u.userId, u]));
    this.complete = true;
    this.version = JSON.stringify(hierarchy.body.nodes) + JSON.stringify(users);
    return true;
  }

  /** The nodes as read, in the hierarchy's order (parents before children). */
  all() {
    return [...this.nodes.values()];
  }

  node(id) {
    return id == null ? null : this.nodes.get(Number(id)) || null;
  }

  nodeName(id) {
    const node = this.node(id);
    return node && node.name ? node.name : (id == null ? '—' : `node ${id}`);
  }

  userName(userId) {
    if (userId == null) return 'the system';
    const user = this.users.get(Number(userId));
    if (user) return user.name || user.email;
    const node = [...this.nodes.values()].find(n => n.userId === Number(userId));
    return node ? node.name : `user ${userId}`;
  }

  technicians() {
    return [...this.nodes.values()].filter(n => n.kind === 'TECHNICIAN' && n.status !== 'DELETED')
      .sort((a, b) => String(a.name).localeCompare(String(b.name)) || a.id - b.id);
  }

  channels() {
    return [...this.nodes.values()].filter(n => n.kind === 'CHANNEL')
      .sort((a, b) => String(a.name).localeCompare(String(b.name)) || a.id - b.id);
  }
}

/** ONLINE -> Online */
export function presenceText(presence) {
  return presence ? presence.charAt(0) + presence.slice(1).toLowerCase() : '';
}
