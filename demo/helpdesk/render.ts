// Server-side HTML for the demo helpdesk. Every dynamic string goes through `esc` (the thread is text).
import { DEMO_AGENT, DEMO_TICKETS, type DemoMessage, type DemoTicket } from './tickets';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, main: string, activeId: string | null): string {
  const list = DEMO_TICKETS.map(
    (t) => `<li><a class="ticket-link${t.id === activeId ? ' is-active' : ''}" href="/tickets/${t.id}"${
      t.id === activeId ? ' aria-current="page"' : ''
    }>
      <span class="ticket-link__subject">${esc(t.subject)}</span>
      <span class="ticket-link__meta"><span class="badge badge--${t.channel}">${t.channel}</span> #${t.id} · ${esc(t.requester.name)}</span>
    </a></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="attune-demo-helpdesk">
<title>${esc(title)} · Northwind Support</title>
<link rel="stylesheet" href="/static/helpdesk.css">
</head>
<body>
<header class="topbar">
  <a class="brand" href="/">Northwind <strong>Support</strong></a>
  <nav class="topbar__nav" aria-label="Views"><a href="/">Inbox</a><a href="/">Views</a><a href="/">Reports</a></nav>
  <div class="current-agent" data-agent-name="${esc(DEMO_AGENT.name)}" data-agent-email="${esc(DEMO_AGENT.email)}">
    <span class="avatar" aria-hidden="true">${esc(initials(DEMO_AGENT.name))}</span>${esc(DEMO_AGENT.name)}
  </div>
</header>
<div class="layout">
  <aside class="ticket-list" aria-label="Tickets"><h2>Open tickets</h2><ul>${list}</ul></aside>
  <main class="workspace">${main}</main>
</div>
<script src="/static/helpdesk.js" defer></script>
</body>
</html>`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((p) => /^\p{L}/u.test(p))
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function message(m: DemoMessage): string {
  const label = m.role === 'internal' ? 'Internal note' : m.role === 'customer' ? 'Customer' : 'Agent';
  return `<li><article class="message message--${m.role}" data-author-role="${m.role}" data-author="${esc(m.author)}">
  <header class="message__header"><span class="avatar" aria-hidden="true">${esc(initials(m.author))}</span>
    <span class="message__author">${esc(m.author)}</span> <span class="message__role">${label}</span>
    <time class="message__time" datetime="${esc(m.at)}">${esc(m.at.slice(0, 16).replace('T', ' '))}</time></header>
  <div class="message__body">${m.body.map((p) => `<p>${esc(p)}</p>`).join('')}</div>
</article></li>`;
}

function composer(t: DemoTicket): string {
  const reply =
    t.composer === 'textarea'
      ? `<textarea class="composer__input" name="body" rows="5" aria-label="Reply to ${esc(t.requester.name)}" placeholder="Type your reply…"></textarea>`
      : `<div class="composer__toolbar" role="toolbar" aria-label="Formatting">
          <button type="button" data-format="bold" aria-label="Bold"><b>B</b></button>
          <button type="button" data-format="italic" aria-label="Italic"><i>I</i></button>
          <button type="button" data-format="insertUnorderedList" aria-label="Bulleted list">•</button>
        </div>
        <div class="composer__input composer__input--rich" contenteditable="true" role="textbox" aria-multiline="true"
          aria-label="Reply to ${esc(t.requester.name)}"><p><br></p></div>`;
  const replyForm = `<form class="composer" data-composer="public-reply" data-audience="customer" action="#" novalidate>
    <div class="composer__head"><span class="composer__title">${t.channel === 'chat' ? 'Chat reply' : 'Email reply'}</span>
      <span class="composer__to">To: ${esc(t.requester.name)} &lt;${esc(t.requester.email)}&gt;</span></div>
    ${reply}
    <div class="composer__actions"><span class="composer__hint">${t.channel === 'chat' ? 'Enter adds a line · Send with the button' : 'Rich text'}</span>
      <button type="submit" class="button button--primary" data-action="send">Send</button></div>
  </form>`;
  const noteForm =
    t.channel === 'email'
      ? `<form class="composer composer--internal" data-composer="internal-note" data-audience="internal" action="#" novalidate>
    <div class="composer__head"><span class="composer__title">Internal note</span><span class="composer__to">Only visible to your team</span></div>
    <div class="composer__input composer__input--rich" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Internal note"><p><br></p></div>
    <div class="composer__actions"><span class="composer__hint"></span>
      <button type="submit" class="button" data-action="send">Add note</button></div>
  </form>`
      : '';
  return replyForm + noteForm;
}

export function renderTicket(t: DemoTicket): string {
  const main = `<section class="ticket" data-ticket-id="${esc(t.id)}" data-channel="${t.channel}" aria-labelledby="ticket-subject">
  <header class="ticket__header">
    <h1 id="ticket-subject" class="ticket__subject">${esc(t.subject)}</h1>
    <dl class="ticket__props">
      <div><dt>Ticket</dt><dd class="ticket__id">#${esc(t.id)}</dd></div>
      <div><dt>Channel</dt><dd><span class="badge badge--${t.channel}">${t.channel}</span></dd></div>
      <div><dt>Requester</dt><dd class="ticket__requester">${esc(t.requester.name)}</dd></div>
      <div><dt>Type</dt><dd>${esc(t.caseType)}</dd></div>
      <div><dt>Priority</dt><dd class="priority priority--${t.priority}">${t.priority}</dd></div>
    </dl>
  </header>
  <ol class="thread" aria-label="Conversation">${t.messages.map(message).join('\n')}</ol>
  ${composer(t)}
</section>`;
  return layout(`#${t.id} ${t.subject}`, main, t.id);
}

export function renderInbox(): string {
  const rows = DEMO_TICKETS.map(
    (
      t,
    ) => `<tr><td><a href="/tickets/${t.id}">#${t.id}</a></td><td><a href="/tickets/${t.id}">${esc(t.subject)}</a></td>
      <td>${esc(t.requester.name)}</td><td><span class="badge badge--${t.channel}">${t.channel}</span></td>
      <td class="priority priority--${t.priority}">${t.priority}</td></tr>`,
  ).join('\n');
  const main = `<section class="inbox"><h1>Inbox</h1>
  <table class="inbox__table"><thead><tr><th>ID</th><th>Subject</th><th>Requester</th><th>Channel</th><th>Priority</th></tr></thead>
  <tbody>${rows}</tbody></table></section>`;
  return layout('Inbox', main, null);
}

export function renderNotFound(): string {
  return layout(
    'Not found',
    '<section class="inbox"><h1>Ticket not found</h1><p><a href="/">Back to the inbox</a></p></section>',
    null,
  );
}
