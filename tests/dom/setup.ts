// IndexedDB for Dexie in jsdom, and automatic cleanup between Testing Library tests.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
