import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './styles.css';
import './print.css';
import { App } from './App';
import { SessionProvider } from './session/SessionProvider';
import { OpenSessions } from './collab/OpenSessions';
import { OpenSessionsContext } from './collab/OpenSessionsContext';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OpenSessionsContext value={new OpenSessions()}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </OpenSessionsContext>
  </StrictMode>,
);
