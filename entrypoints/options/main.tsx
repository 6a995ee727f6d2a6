import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLanguages, pickUiLang } from '../../lib/i18n';
import { OptionsApp } from './OptionsApp';
import { browserOptionsActions } from './actions';
import './style.css';

const lang = pickUiLang(browserLanguages());
document.documentElement.lang = lang;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp lang={lang} actions={browserOptionsActions} />
    </StrictMode>,
  );
}
