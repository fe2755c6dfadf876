// What the page knows of the account's people and channels, for names and for the transfer dialog's
// targets: the hierarchy (GET .../hierarchy) and the users (GET .../users) when the caller may read them,
// and in any case what the support sessions themselves name (a technician's or a channel's name).
import {api, accountPath} from './api.js';

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
    // The directory resources are not part of this build yet: what the sessions name is all there is.
    return false;
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
    return user ? (user.name || user.email) : `user ${userId}`;
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
