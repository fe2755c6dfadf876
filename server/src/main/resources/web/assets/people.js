// The People tab (built on the directory resources).
import {h} from './dom.js';

export function mount(panel, ctx) {
  panel.append(h('h2', null, 'People'), h('p', {class: 'hint'}, 'Not built yet.'));
  return {show() {}, hide() {}, destroy() {}};
}
