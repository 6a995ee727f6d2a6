// The slice of jsdom's API the site fixtures use (the package ships no types and @types/jsdom isn't installed).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean; contentType?: string });
    readonly window: Window & typeof globalThis;
  }
}
