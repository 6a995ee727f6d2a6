// A minimal server-sent-events parser over a fetch body: MV3 service workers have no EventSource, and
// EventSource cannot send an Authorization header anyway.
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Yields events as they complete. `onChunk` is called for every chunk received (heartbeat comments too),
 * so the caller can detect a silent, half-dead connection.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>, onChunk?: () => void): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onChunk?.();
      buffer += decoder.decode(value, { stream: true });
      let nl = buffer.search(/\r\n|\r|\n/);
      while (nl >= 0) {
        // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
        if (nl === buffer.length - 1 && buffer.endsWith('\r')) break;
        const line = buffer.slice(0, nl);
        const sepLen = buffer.startsWith('\r\n', nl) ? 2 : 1;
        buffer = buffer.slice(nl + sepLen);
        if (line === '') {
          if (data.length > 0 || event) yield { event: event || 'message', data: data.join('\n'), id };
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = val;
          else if (field === 'data') data.push(val);
          else if (field === 'id') id = val;
        }
        nl = buffer.search(/\r\n|\r|\n/);
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
