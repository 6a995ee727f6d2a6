// Page observation: new composers and a changing thread are noticed from DOM mutations, collected as they
// come and handled once per frame (busy pages mutate constantly).
import type { ComposerTracker } from './composers';
import type { CoachDeps } from './types';

export function watchPage(
  { win }: Pick<CoachDeps, 'win'>,
  composers: ComposerTracker,
  /** Something outside the composers changed: the customer's thread may have too. */
  threadChanged: () => void,
) {
  const pending = new Set<Node>();
  let changed = false;
  let batchQueued = false;
  const processBatch = () => {
    batchQueued = false;
    const nodes = [...pending];
    pending.clear();
    for (const node of nodes) {
      if (!node.isConnected || node.nodeType !== 1 || (node as Element).localName === 'attune-coach') continue;
      // Typing inside a tracked composer is not a new composer.
      if (composers.contains(node)) continue;
      changed = true;
      composers.scan(node as Element, true);
    }
    composers.untrackDetached();
    if (changed) {
      changed = false;
      threadChanged();
    }
  };
  let untrackQueued = false;
  const untrackSoon = () => {
    if (untrackQueued) return;
    untrackQueued = true;
    win.requestAnimationFrame(() => {
      untrackQueued = false;
      composers.untrackDetached();
    });
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') pending.add(r.target);
      for (const n of r.addedNodes) pending.add(n);
      if (r.removedNodes.length > 0) untrackSoon();
    }
    if (!batchQueued && pending.size > 0) {
      batchQueued = true;
      win.requestAnimationFrame(processBatch);
    }
  });
  return {
    observe(root: Element) {
      observer.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['contenteditable'],
      });
    },
    disconnect: () => observer.disconnect(),
  };
}
