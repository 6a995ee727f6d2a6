// The demo helpdesk's stylesheet and page script, served as static text.
export const HELPDESK_CSS = `
:root { --bg:#f4f5f7; --panel:#fff; --ink:#1f2933; --muted:#5f6b7a; --line:#dfe3e8; --accent:#1f6feb;
  --customer:#fff8e6; --internal:#fdf2f8; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font-size:14px; line-height:1.45; }
a { color:var(--accent); text-decoration:none; }
.topbar { display:flex; align-items:center; gap:24px; height:48px; padding:0 16px; background:#0b1f33; color:#fff; }
.topbar a { color:#cfe0ff; } .brand { font-size:16px; color:#fff !important; }
.topbar__nav { display:flex; gap:16px; flex:1; }
.current-agent { display:flex; align-items:center; gap:8px; }
.avatar { display:inline-grid; place-items:center; width:26px; height:26px; border-radius:50%; background:#c7d2fe;
  color:#1e1b4b; font-size:11px; font-weight:600; }
.layout { display:grid; grid-template-columns:260px 1fr; min-height:calc(100vh - 48px); }
.ticket-list { border-right:1px solid var(--line); background:var(--panel); padding:12px; }
.ticket-list h2 { font-size:12px; text-transform:uppercase; color:var(--muted); margin:4px 8px 12px; }
.ticket-list ul { list-style:none; margin:0; padding:0; }
.ticket-link { display:block; padding:8px; border-radius:6px; color:var(--ink); }
.ticket-link.is-active, .ticket-link:hover { background:#eef4ff; }
.ticket-link__subject { display:block; font-weight:600; }
.ticket-link__meta { color:var(--muted); font-size:12px; }
.badge { display:inline-block; padding:0 6px; border-radius:10px; font-size:11px; background:#e5e7eb; }
.badge--chat { background:#dcfce7; color:#14532d; } .badge--email { background:#dbeafe; color:#1e3a8a; }
.workspace { padding:20px 28px; max-width:920px; }
.ticket__subject { margin:0 0 8px; font-size:20px; }
.ticket__props { display:flex; flex-wrap:wrap; gap:20px; margin:0 0 16px; color:var(--muted); }
.ticket__props dt { font-size:11px; text-transform:uppercase; } .ticket__props dd { margin:0; color:var(--ink); }
.priority--high { color:#b91c1c; font-weight:600; }
.thread { list-style:none; margin:0 0 16px; padding:0; display:flex; flex-direction:column; gap:10px; }
.message { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:10px 14px; }
.message--customer { background:var(--customer); } .message--internal { background:var(--internal); border-style:dashed; }
.message__header { display:flex; align-items:center; gap:8px; color:var(--muted); font-size:12px; }
.message__author { color:var(--ink); font-weight:600; } .message__time { margin-left:auto; }
.message__body p { margin:6px 0; }
.composer { background:var(--panel); border:1px solid var(--line); border-radius:8px; margin-bottom:14px; }
.composer--internal { background:var(--internal); }
.composer__head { display:flex; justify-content:space-between; padding:8px 12px; border-bottom:1px solid var(--line); }
.composer__title { font-weight:600; } .composer__to { color:var(--muted); font-size:12px; }
.composer__toolbar { display:flex; gap:4px; padding:4px 8px; border-bottom:1px solid var(--line); }
.composer__toolbar button { border:0; background:none; width:28px; height:26px; border-radius:4px; cursor:pointer; }
.composer__toolbar button:hover { background:#eef2f7; }
.composer__input { display:block; width:100%; min-height:110px; border:0; padding:10px 12px; font:inherit; resize:vertical;
  outline:none; background:transparent; color:inherit; }
.composer__input--rich p { margin:0 0 6px; }
.composer__input:focus { box-shadow: inset 0 0 0 2px #bfdbfe; }
.composer__actions { display:flex; align-items:center; justify-content:space-between; padding:8px 12px;
  border-top:1px solid var(--line); }
.composer__hint { color:var(--muted); font-size:12px; }
.button { border:1px solid var(--line); background:#fff; border-radius:6px; padding:6px 16px; font:inherit; cursor:pointer; }
.button--primary { background:var(--accent); border-color:var(--accent); color:#fff; font-weight:600; }
.inbox__table { width:100%; border-collapse:collapse; background:var(--panel); }
.inbox__table th, .inbox__table td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); }
`;

// Send appends the reply to the thread (no network: the demo keeps everything in the page).
export const HELPDESK_JS = `
(function () {
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-format]');
    if (b) { e.preventDefault(); document.execCommand(b.getAttribute('data-format')); }
  });
  document.addEventListener('mousedown', function (e) {
    if (e.target.closest && e.target.closest('[data-format]')) e.preventDefault();
  });
  document.addEventListener('submit', function (e) {
    var form = e.target.closest('form.composer');
    if (!form) return;
    e.preventDefault();
    var input = form.querySelector('.composer__input');
    var text = input.tagName === 'TEXTAREA' ? input.value : input.innerText;
    if (!text.trim()) return;
    var internal = form.getAttribute('data-audience') === 'internal';
    var agent = document.querySelector('.current-agent').getAttribute('data-agent-name');
    var li = document.createElement('li');
    var art = document.createElement('article');
    art.className = 'message message--' + (internal ? 'internal' : 'agent');
    art.setAttribute('data-author-role', internal ? 'internal' : 'agent');
    art.setAttribute('data-author', agent);
    var head = document.createElement('header'); head.className = 'message__header';
    var who = document.createElement('span'); who.className = 'message__author'; who.textContent = agent;
    var t = document.createElement('time'); t.className = 'message__time'; var now = new Date();
    t.dateTime = now.toISOString(); t.textContent = now.toISOString().slice(0, 16).replace('T', ' ');
    head.append(who, ' ', t);
    var body = document.createElement('div'); body.className = 'message__body';
    text.split(/\\n+/).forEach(function (p) { if (p.trim()) { var el = document.createElement('p'); el.textContent = p; body.append(el); } });
    art.append(head, body); li.append(art);
    document.querySelector('.thread').append(li);
    if (input.tagName === 'TEXTAREA') input.value = ''; else input.innerHTML = '<p><br></p>';
  });
})();
`;
