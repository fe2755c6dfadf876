// Building the DOM without ever parsing a string as HTML: every text from the server (a customer's name
// is whatever the customer typed) goes in through text nodes. The pages' Content-Security-Policy requires
// Trusted Types with no policy, so an innerHTML assignment would throw anyway.

/**
 * h('button', {class: 'primary', type: 'button', onclick: fn, 'aria-label': '...'}, 'text', child, ...)
 * Props: `class`, `text`, `on<event>` (a listener), booleans (set or removed), anything else an attribute.
 * Children: strings and numbers become text nodes; null, undefined and false are skipped; arrays flatten.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A message in a message element: kind 'ok', 'bad' or 'info'; empty text hides it. */
export function say(el, kind, text) {
  el.className = 'message ' + kind;
  el.textContent = text || '';
}

/** 1:05, 12:40, 1:02:03 */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A time as the reader's clock shows it: today's without the date. */
export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

/** A table whose rows turn into labelled cards on a narrow screen. columns: [{label, class}] */
export function table(caption, columns, rows, cls) {
  return h('div', {class: 'table-wrap'},
    h('table', {class: 'cards' + (cls ? ' ' + cls : '')},
      caption ? h('caption', {class: 'visually-hidden'}, caption) : null,
      h('thead', null, h('tr', null, columns.map(c => h('th', {scope: 'col', class: c.class || null}, c.label)))),
      h('tbody', null, rows)));
}

/** A table cell labelled for the card layout. */
export function td(label, content, cls) {
  return h('td', {'data-label': label, class: cls || null}, content);
}
