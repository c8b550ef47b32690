import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/context';
import { ScenarioProvider } from './lib/scenario-context';
import { CitationProvider } from './components/Citation';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ScenarioProvider>
        <CitationProvider>
          <App />
        </CitationProvider>
      </ScenarioProvider>
    </I18nProvider>
  </StrictMode>,
);
