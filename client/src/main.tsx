import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import './styles.css';
import './print.css';
import { App } from './App';
import { SessionProvider } from './session/SessionProvider';
import { OpenSessions } from './collab/OpenSessions';
import { OpenSessionsContext } from './collab/OpenSessionsContext';
import { AppUpdates } from './offline/AppUpdates';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { UpdateNotice } from './offline/UpdateNotice';

const updates = new AppUpdates();
registerServiceWorker(updates);

// the interface language's strings first (a request made alongside the session's)
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OpenSessionsContext value={new OpenSessions()}>
        <SessionProvider>
          <UpdateNotice updates={updates} />
          <App />
        </SessionProvider>
      </OpenSessionsContext>
    </StrictMode>,
  ),
);
