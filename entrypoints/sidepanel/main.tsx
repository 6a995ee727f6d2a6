// The side panel's entry: puts the picture of the last view on screen (lib/store/snapshot.ts), then loads
// the live panel (app.tsx). Kept tiny on purpose: everything it imports runs before the first paint.
//
// The styles come in this script as text rather than as a <link rel="stylesheet">: a stylesheet in <head>
// holds back both the first paint and the execution of module scripts until it has loaded
// (https://html.spec.whatwg.org/multipage/semantics.html#interactions-of-styling-and-scripting), so the
// picture waited for two fetches in turn. Extension pages' default CSP restricts scripts, not <style>.
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { readPanelSnapshot, restorePanelSnapshot } from '../../lib/store/snapshot';
import panelCss from './style.css?inline';

performance.mark('attune:panel-start');

const style = document.createElement('style');
style.textContent = uplotCss + panelCss;
document.head.append(style);

/** Longest wait for the picture's paint to be reported before the live panel loads anyway (hidden page). */
const PAINT_WAIT_MS = 150;

/**
 * Runs `fn` once the first frame is on screen (Paint Timing reports its presentation), or after PAINT_WAIT_MS.
 * Not just the next frame callback: that comes before the frame is rasterised, and on a two-core machine the
 * live panel's 300 KB of script would compete with the raster for the CPU and delay the picture.
 */
function afterFirstPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    fn();
  };
  let observer: PerformanceObserver | undefined;
  try {
    // The first *contentful* paint: the picture is the first content, and a blank frame may come before it.
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) once();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No Paint Timing here: the timer below decides.
  }
  const timer = setTimeout(once, PAINT_WAIT_MS);
}

const tab = new URLSearchParams(location.search).get('tab') ?? 'kpis';
const picture = readPanelSnapshot(localStorage, tab);
const holder = document.getElementById('snapshot');
const root = document.getElementById('root');
const load = () => void import('./app');
if (picture && holder && root) {
  document.documentElement.lang = picture.lang;
  restorePanelSnapshot(holder, picture);
  performance.mark('attune:picture-shown');
  // The live view renders out of sight until it has its data (app.tsx swaps them).
  root.hidden = true;
  afterFirstPaint(load);
} else load();
