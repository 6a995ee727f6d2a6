// The component tests render with Preact, as the build does (preact-aliases.ts, used by wxt.config.ts and
// vitest.config.ts): a test that passed on React while users get Preact would prove nothing about what ships.
import { render, screen } from '@testing-library/react';
import { options } from 'preact';
import * as compat from 'preact/compat';
import * as React from 'react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';

const previous = options.diffed;
afterEach(() => {
  options.diffed = previous;
});

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

it('`react` is preact/compat and Testing Library renders through Preact', async () => {
  expect(React.Component).toBe(compat.Component);
  // `options.diffed` runs after Preact renders a vnode (https://preactjs.com/guide/v10/options/).
  const diffed: string[] = [];
  options.diffed = (vnode) => {
    if (typeof vnode.type === 'function') diffed.push(vnode.type.name);
    previous?.(vnode);
  };
  render(<Counter />);
  screen.getByRole('button').click();
  expect(await screen.findByText('clicked 1')).toBeTruthy();
  expect(diffed).toContain('Counter');
});
