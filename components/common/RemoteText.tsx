import { displayText } from './safe-text';

/** Untrusted text from the hub, rendered as a text node in its own bidi-isolated span. */
export function RemoteText({ text, className }: { text: string | null | undefined; className?: string }) {
  return (
    <bdi dir="auto" className={className}>
      {displayText(text)}
    </bdi>
  );
}
