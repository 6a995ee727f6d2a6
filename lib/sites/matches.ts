// Where the content script runs without asking: known helpdesk domains plus this machine (self-hosted
// helpdesks and tests). Kept apart from the registry so the background and options page can import it
// without bundling every adapter.

/** Known helpdesk domains plus localhost; other sites are enabled at run time from the options page. */
export const DEFAULT_MATCHES: string[] = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.office365.com/*',
  '*://outlook.live.com/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];
