// The picture of the panel's last view (lib/store/snapshot.ts): saved only from a live view with its data,
// inert (no test ids or ids of the live view), per tab, and gone after clearPanelSnapshots.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearPanelSnapshots,
  inertHtml,
  isViewReady,
  readPanelSnapshot,
  savePanelSnapshot,
} from '../../../lib/store/snapshot';

function view(busy: boolean): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<div class="panel"><main class="tabpanel"><section class="view" aria-busy="${busy}">
    <h2 id="kpis-title">My KPIs</h2><div data-testid="kpi-empathy">4.2</div>
    <p>a comment that says id="x" and data-testid="y"</p></section></main></div>`;
  return root;
}

beforeEach(() => localStorage.clear());

describe('panel snapshot', () => {
  it('is ready only when a view is shown and nothing is still reading', () => {
    expect(isViewReady(document.createElement('div'))).toBe(false);
    expect(isViewReady(view(true))).toBe(false);
    expect(isViewReady(view(false))).toBe(true);
  });

  it('saves per tab and reads back an inert copy', () => {
    savePanelSnapshot(localStorage, 'kpis', 'sv', view(false), new Date('2026-12-07T18:00:00Z'));
    const s = readPanelSnapshot(localStorage, 'kpis');
    expect(s?.lang).toBe('sv');
    expect(s?.savedAt).toBe('2026-12-07T18:00:00.000Z');
    expect(s?.html).toContain('data-snapshot-testid="kpi-empathy"');
    expect(s?.html).toContain('data-snapshot-id="kpis-title"');
    const parsed = document.createElement('div');
    parsed.innerHTML = s?.html ?? '';
    expect(parsed.querySelector('[id], [data-testid]')).toBeNull();
    // Text that looks like an attribute is left alone.
    expect(s?.html).toContain('says id="x" and data-testid="y"');
    expect(readPanelSnapshot(localStorage, 'feedback')).toBeNull();
  });

  it('ignores what it did not write', () => {
    localStorage.setItem('attune.panelSnapshot.kpis', '{not json');
    expect(readPanelSnapshot(localStorage, 'kpis')).toBeNull();
    localStorage.setItem('attune.panelSnapshot.kpis', JSON.stringify({ v: 99, html: '<p>x</p>', lang: 'en' }));
    expect(readPanelSnapshot(localStorage, 'kpis')).toBeNull();
  });

  it('clears every tab and nothing else', () => {
    savePanelSnapshot(localStorage, 'kpis', 'en', view(false));
    savePanelSnapshot(localStorage, 'feedback', 'en', view(false));
    localStorage.setItem('other', 'kept');
    clearPanelSnapshots(localStorage);
    expect(readPanelSnapshot(localStorage, 'kpis')).toBeNull();
    expect(readPanelSnapshot(localStorage, 'feedback')).toBeNull();
    expect(localStorage.getItem('other')).toBe('kept');
  });

  it('renames exactly the attributes, and not in the live view', () => {
    const root = document.createElement('div');
    root.innerHTML = '<a id="a" data-testid="b"> id="c"</a>';
    expect(inertHtml(root)).toBe('<a data-snapshot-id="a" data-snapshot-testid="b"> id="c"</a>');
    expect(root.innerHTML).toBe('<a id="a" data-testid="b"> id="c"</a>');
  });

  it('leaves out what lies wholly below the first screen, looking only inside what straddles it', () => {
    const root = document.createElement('div');
    root.innerHTML = `<section data-box="0 1300"><ul data-box="0 1300">
      <li data-box="0 400">first</li><li data-box="400 950">straddles</li><li data-box="950 1200">below</li>
      </ul><p data-box="1200 1300">also below</p></section>
      <div data-box="0 0"><span>no box of its own (display: none)</span></div>`;
    // jsdom lays nothing out: give each element the box it would have in a 900 px high panel.
    for (const el of root.querySelectorAll<HTMLElement>('[data-box]')) {
      const [top, bottom] = (el.dataset.box ?? '').split(' ').map(Number) as [number, number];
      el.getBoundingClientRect = () =>
        ({ top, bottom, height: bottom - top, width: bottom > top ? 380 : 0 }) as DOMRect;
    }
    const html = inertHtml(root, 900);
    expect(html).toContain('first');
    expect(html).toContain('straddles');
    expect(html).not.toContain('>below<');
    expect(html).not.toContain('also below');
    expect(html).toContain('no box of its own');
    // The live view keeps everything.
    expect(root.textContent).toContain('also below');
    // Without a limit (the default), nothing is left out.
    expect(inertHtml(root)).toContain('also below');
  });
});
