// The demo helpdesk's data: two upset customers, one on chat and one on email. Static on purpose — the demo
// shows the in-page coach, not a ticketing system.
export type AuthorRole = 'customer' | 'agent' | 'internal';

export interface DemoMessage {
  role: AuthorRole;
  author: string;
  at: string;
  /** Paragraphs of plain text (rendered as text, never as HTML). */
  body: string[];
}

export interface DemoTicket {
  id: string;
  channel: 'chat' | 'email';
  subject: string;
  requester: { name: string; email: string };
  status: 'open' | 'pending';
  priority: 'high' | 'normal';
  caseType: string;
  /** Composer family for the public reply: chat uses a textarea, email a rich contenteditable editor. */
  composer: 'textarea' | 'rich';
  messages: DemoMessage[];
}

export const DEMO_AGENT = { name: 'Alex Lindqvist', email: 'alex.lindqvist@demo.attune.dev' };

export const DEMO_TICKETS: DemoTicket[] = [
  {
    id: '1',
    channel: 'chat',
    subject: 'Charged twice for my order',
    requester: { name: 'Maria Sandberg', email: 'maria.sandberg@example.com' },
    status: 'open',
    priority: 'high',
    caseType: 'Billing',
    composer: 'textarea',
    messages: [
      {
        role: 'customer',
        author: 'Maria Sandberg',
        at: '2026-11-23T15:58:00Z',
        body: ['Hi, I was charged twice for order #48213. Can someone look at it?'],
      },
      {
        role: 'agent',
        author: 'Sam (bot)',
        at: '2026-11-23T15:58:20Z',
        body: ['Thanks for reaching out! An agent will be with you shortly.'],
      },
      {
        role: 'customer',
        author: 'Maria Sandberg',
        at: '2026-11-23T16:41:00Z',
        body: [
          'This is the third time I am contacting you about this. I have been charged twice AGAIN and nobody has fixed it.',
          'I am really frustrated and honestly this is ridiculous. If it is not refunded today I will cancel my subscription.',
        ],
      },
    ],
  },
  {
    id: '2',
    channel: 'email',
    subject: 'Leveransen har inte kommit',
    requester: { name: 'Johan Ek', email: 'johan.ek@example.se' },
    status: 'open',
    priority: 'normal',
    caseType: 'Delivery',
    composer: 'rich',
    messages: [
      {
        role: 'customer',
        author: 'Johan Ek',
        at: '2026-11-20T08:12:00Z',
        body: [
          'Hej,',
          'Jag beställde en present till min dotters födelsedag för två veckor sedan och den har fortfarande inte kommit.',
          'Spårningen har stått still sedan i måndags. Vad händer?',
          'Mvh Johan',
        ],
      },
      {
        role: 'agent',
        author: 'Lina Holm',
        at: '2026-11-20T10:03:00Z',
        body: [
          'Hej Johan! Vi har kontaktat transportören och återkommer så snart vi vet mer.',
          'Vänliga hälsningar, Lina',
        ],
      },
      {
        role: 'customer',
        author: 'Johan Ek',
        at: '2026-11-23T07:45:00Z',
        body: [
          'Hej igen,',
          'Jag är väldigt besviken. Ingen har hört av sig och födelsedagen är på lördag. Jag är orolig att paketet har försvunnit.',
          'Kan ni skicka en ny eller ge mig pengarna tillbaka?',
          'Johan',
        ],
      },
      {
        role: 'internal',
        author: 'Lina Holm',
        at: '2026-11-23T08:10:00Z',
        body: ['PostNord says the parcel is stuck at the Jönköping terminal. Claim opened: PN-55120.'],
      },
    ],
  },
];

export function findTicket(id: string): DemoTicket | undefined {
  return DEMO_TICKETS.find((t) => t.id === id);
}
