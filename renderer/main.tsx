import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './fonts';
import './i18n';
import './theme.css';
import './styles.css';
import './print.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
