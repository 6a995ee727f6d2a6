import type { ReactNode } from 'react';
import { safeHttpUrl } from './safe-text';

/** A link only for http(s) URLs; anything else renders no link at all (and nothing clickable). */
export function SafeLink({ href, children, testId }: { href: unknown; children: ReactNode; testId?: string }) {
  const url = safeHttpUrl(href);
  if (!url) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {children}
    </a>
  );
}
