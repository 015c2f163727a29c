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
import { LowDataSetting, browserSavesData } from './lowData/LowDataSetting';
import { LowDataContext } from './lowData/LowDataContext';

const updates = new AppUpdates();
registerServiceWorker(updates);
const lowData = new LowDataSetting(storageOrNull(), browserSavesData());

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// the interface language's strings first (a request made alongside the session's)
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LowDataContext value={lowData}>
        <OpenSessionsContext value={new OpenSessions()}>
          <SessionProvider>
            <UpdateNotice updates={updates} />
            <App />
          </SessionProvider>
        </OpenSessionsContext>
      </LowDataContext>
    </StrictMode>,
  ),
);
