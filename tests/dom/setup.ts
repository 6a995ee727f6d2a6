// IndexedDB for Dexie in jsdom, Testing Library timeouts, and automatic cleanup between tests.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';

// waitFor/findBy wait up to 5 s for the DOM to come right (Dexie live queries settle asynchronously): room for a
// loaded machine, not a speed check. The default 1 s made tests fail at load average 8.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// Preact's hooks flush effects after the next frame, with a 35 ms timer as the fallback (`afterNextFrame`,
// RAF_TIMEOUT in preact/hooks/src/index.js); that timer calls `cancelAnimationFrame`. A render in a file's last
// test leaves one pending, and when it fires after the jsdom environment is torn down the global is gone: an
// unhandled "cancelAnimationFrame is not defined" that fails the run although every test passed. Let it fire
// while jsdom is still here.
const PREACT_RAF_TIMEOUT_MS = 35;
afterAll(() => new Promise((resolve) => setTimeout(resolve, PREACT_RAF_TIMEOUT_MS + 15)));
