// The conversation's language, as the coach sees it: the language of the customer's latest message. A `lang`
// attribute on the message (or a wrapper inside the page, not the page's own <html lang>, which names the
// helpdesk's UI language) wins when it names one of the coach's languages; otherwise the engine's detector
// reads the words. Mixed-language threads follow the latest customer message, which is what the agent answers.
import { detectLanguage } from '../empathy/detect';
import { LANGS, type Lang } from '../empathy/types';
import type { CustomerMessage } from './types';

export interface ConversationLanguage {
  lang: Lang;
  /** Where it came from: the page's own markup or the message's words. */
  from: 'markup' | 'text';
  /** 0..1, the detector's lead over the runner-up (1 for markup). */
  confidence: number;
}

function markupLang(el: Element | undefined): Lang | null {
  for (let cur = el ?? null; cur && cur.tagName !== 'HTML' && cur.tagName !== 'BODY'; cur = cur.parentElement) {
    const raw = cur.getAttribute('lang');
    if (!raw) continue;
    const base = raw.toLowerCase().split('-')[0];
    // Norwegian: "no" and "nn" are written as bokmål by the coach's pack.
    const lang = base === 'no' || base === 'nn' ? 'nb' : base;
    return (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : null;
  }
  return null;
}

/** The language of `message`, or null when there is no customer message to go on. */
export function conversationLanguage(message: CustomerMessage | null): ConversationLanguage | null {
  if (!message?.text.trim()) return null;
  const marked = markupLang(message.element);
  if (marked) return { lang: marked, from: 'markup', confidence: 1 };
  const guess = detectLanguage(message.text);
  return { lang: guess.lang, from: 'text', confidence: guess.confidence };
}
