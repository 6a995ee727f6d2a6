// IndexedDB for Dexie in jsdom, Testing Library timeouts, and automatic cleanup between tests.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor/findBy wait up to 5 s for the DOM to come right (Dexie live queries settle asynchronously): room for a
// loaded machine, not a speed check. The default 1 s made tests fail at load average 8.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
