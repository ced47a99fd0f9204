import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root.js';
import { chooseAdminClient } from './transport/choose-admin-client.js';
import './styles/base.css';
import './styles/components.css';
import './styles/data.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lost its #root element');
// Chosen once, before the first render, so the token leaves the address bar immediately.
const connection = chooseAdminClient(window);
// Pasting the printed link into a tab already on this page changes only the hash, which does not
// reload: start over so the new token is taken.
window.addEventListener('hashchange', () => {
  if (/(^#|&)token=/.test(window.location.hash)) window.location.reload();
});
createRoot(container).render(
  <StrictMode>
    <Root connection={connection} />
  </StrictMode>,
);
