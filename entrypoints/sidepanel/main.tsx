// The side panel's entry: puts the picture of the last view on screen (lib/store/snapshot.ts), then loads
// the live panel (app.tsx). Kept tiny on purpose: everything it imports runs before the first paint.
import 'uplot/dist/uPlot.min.css';
import { readPanelSnapshot, restorePanelSnapshot } from '../../lib/store/snapshot';
import './style.css';

performance.mark('attune:panel-start');

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
  // Let the browser paint the picture before the live panel's scripts take the main thread.
  requestAnimationFrame(() => setTimeout(load, 0));
} else load();
